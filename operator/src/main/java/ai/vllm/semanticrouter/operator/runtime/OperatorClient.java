package ai.vllm.semanticrouter.operator.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * How the operator builds its Kubernetes client, in every mode (run, local):
 * <ul>
 *   <li>fabric8's OkHttp client: HTTP/2 (ALPN) to the API server, every request on one connection
 *   (fabric8's Vert.x 4 client is HTTP/1.1 only; bench/README.md, "HTTP/2 and connection reuse");</li>
 *   <li>a serialization that does not look up every model class of the classpath: on its first
 *   polymorphic read, fabric8's default instantiates each of its ~1,000 model classes through the
 *   service loader, to map apiVersion and kind to a class. The operator reads objects as trees and
 *   asks for typed models by class, where no lookup is needed; an object of no registered kind is
 *   read as a generic resource and converted to the type asked for.</li>
 * </ul>
 */
public final class OperatorClient {
    private OperatorClient() {
    }

    public static KubernetesClientBuilder builder() {
        return new KubernetesClientBuilder().withHttpClientFactory(new OkHttpClientFactory())
                .withKubernetesSerialization(new KubernetesSerialization(new ObjectMapper(), false));
    }
}

package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.service.ext_proc.v3.BodyResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.CommonResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.envoyproxy.envoy.service.ext_proc.v3.HeaderMutation;
import io.envoyproxy.envoy.service.ext_proc.v3.HeadersResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for the router's ext_proc server (gRPC on a loopback port) that does to a request what
 * the router does as Envoy sees it (spec/router-behaviour.md 2.1): in the request-body phase it
 * reads the body's {@code model}, sets the request header {@code x-selected-model} to the model it
 * selects and asks Envoy to clear the route cache, so that Envoy picks the route again on that
 * header. Every other phase continues unchanged. No selection: no header, so the default route.
 */
public final class StandInRouter implements AutoCloseable {
    public static final String SELECTED_MODEL_HEADER = "x-selected-model";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Server server;
    private final List<Optional<String>> selections = new CopyOnWriteArrayList<>();

    private StandInRouter(Function<String, Optional<String>> selection) throws IOException {
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Processor(selection)).build().start();
    }

    /**
     * Starts a stand-in; {@code selection} maps the body's {@code model} ("" when the body has none
     * or is not JSON) to the model the router would select, empty for none.
     */
    public static StandInRouter start(Function<String, Optional<String>> selection) throws IOException {
        return new StandInRouter(selection);
    }

    /** The router's policy for the tests: a model it knows is kept, an auto name ("MoM", "auto") gets {@code auto}. */
    public static Function<String, Optional<String>> routerPolicy(java.util.Set<String> known, String auto) {
        return model -> known.contains(model) ? Optional.of(model)
                : model.equals("MoM") || model.equals("auto") ? Optional.of(auto) : Optional.empty();
    }

    public int port() {
        return server.getPort();
    }

    /** The selection made for each request body seen, in order. */
    public List<Optional<String>> selections() {
        return List.copyOf(selections);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Processor extends ExternalProcessorGrpc.ExternalProcessorImplBase {
        private final Function<String, Optional<String>> selection;

        Processor(Function<String, Optional<String>> selection) {
            this.selection = selection;
        }

        @Override
        public StreamObserver<ProcessingRequest> process(StreamObserver<ProcessingResponse> responses) {
            return new StreamObserver<>() {
                @Override
                public void onNext(ProcessingRequest request) {
                    responses.onNext(respond(request));
                }

                @Override
                public void onError(Throwable t) {
                    // Envoy resets the stream when the HTTP request ends early; nothing to clean up
                }

                @Override
                public void onCompleted() {
                    responses.onCompleted();
                }
            };
        }

        private ProcessingResponse respond(ProcessingRequest request) {
            CommonResponse unchanged = CommonResponse.getDefaultInstance();
            return switch (request.getRequestCase()) {
                case REQUEST_HEADERS -> ProcessingResponse.newBuilder()
                        .setRequestHeaders(HeadersResponse.newBuilder().setResponse(unchanged)).build();
                case REQUEST_BODY -> ProcessingResponse.newBuilder()
                        .setRequestBody(BodyResponse.newBuilder().setResponse(routed(request.getRequestBody().getBody()))).build();
                case RESPONSE_HEADERS -> ProcessingResponse.newBuilder()
                        .setResponseHeaders(HeadersResponse.newBuilder().setResponse(unchanged)).build();
                case RESPONSE_BODY -> ProcessingResponse.newBuilder()
                        .setResponseBody(BodyResponse.newBuilder().setResponse(unchanged)).build();
                default -> ProcessingResponse.getDefaultInstance();
            };
        }

        private CommonResponse routed(ByteString body) {
            Optional<String> selected = selection.apply(model(body));
            selections.add(selected);
            if (selected.isEmpty()) {
                return CommonResponse.getDefaultInstance();
            }
            HeaderValueOption header = HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder()
                    .setKey(SELECTED_MODEL_HEADER).setRawValue(ByteString.copyFromUtf8(selected.get()))).build();
            return CommonResponse.newBuilder().setHeaderMutation(HeaderMutation.newBuilder().addSetHeaders(header))
                    .setClearRouteCache(true).build();
        }

        private static String model(ByteString body) {
            try {
                return JSON.readTree(body.toByteArray()).path("model").asText("");
            } catch (IOException e) {
                return "";
            }
        }
    }
}

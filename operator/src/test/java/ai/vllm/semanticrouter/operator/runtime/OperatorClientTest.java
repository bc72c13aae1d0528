package ai.vllm.semanticrouter.operator.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a configuration with a client certificate and no credential to refresh loses the token refresh. */
class OperatorClientTest {

    @Test
    void aCertificateOnlyConfigurationGetsAProviderWithoutToken() {
        Config config = OperatorClient.withoutIdleTokenRefresh(new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:6443").withClientCertData("Y2VydA==").withClientKeyData("a2V5").build());

        assertThat(config.getOauthTokenProvider()).isNotNull();
        assertThat(config.getOauthTokenProvider().getToken()).isNull();
    }

    @Test
    void tokensAndPasswordsKeepTheirRefresh() {
        Config token = OperatorClient.withoutIdleTokenRefresh(new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:6443").withClientCertData("Y2VydA==").withAutoOAuthToken("sa-token").build());
        Config password = OperatorClient.withoutIdleTokenRefresh(new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:6443").withUsername("admin").withPassword("secret").build());
        Config nothing = OperatorClient.withoutIdleTokenRefresh(new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:6443").build());

        assertThat(token.getOauthTokenProvider()).isNull();
        assertThat(password.getOauthTokenProvider()).isNull();
        assertThat(nothing.getOauthTokenProvider()).as("no certificate: nothing to decide on").isNull();
    }
}

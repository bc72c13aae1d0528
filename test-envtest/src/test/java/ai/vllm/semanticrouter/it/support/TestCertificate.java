package ai.vllm.semanticrouter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test certificates made by the JDK's keytool, each a PKCS12 key store and its certificate as PEM
 * ({@link #certificatePem()}): {@link #authority} makes a CA (its PEM is what an Envoy would trust),
 * {@link #signedBy} a server certificate it signs, whose store serves a
 * {@link FakeOpenAiBackend#https(String, TestCertificate)}.
 */
public record TestCertificate(KeyStore keyStore, char[] password, Path certificatePem, Path keyStorePath, String alias) {
    private static final String PASSWORD = "changeit";

    /** A certificate authority named {@code name} (basic constraints CA), under {@code dir}. */
    public static TestCertificate authority(Path dir, String name) throws IOException {
        Path store = dir.resolve(name + "-ca.p12");
        Path pem = dir.resolve(name + "-ca.crt");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-file", pem.toString());
        return load(store, pem, "ca");
    }

    /** A server certificate for {@code host} (CN and DNS SAN) signed by {@code authority}; its store holds the chain. */
    public static TestCertificate signedBy(TestCertificate authority, Path dir, String host) throws IOException {
        Path store = dir.resolve(host + ".p12");
        Path request = dir.resolve(host + ".csr");
        Path pem = dir.resolve(host + ".crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString());
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", authority.alias(), "-keystore", authority.keyStorePath().toString(),
                "-infile", request.toString(), "-outfile", pem.toString(), "-rfc", "-ext", "SAN=dns:" + host, "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", authority.certificatePem().toString(),
                "-keystore", store.toString());
        keytool("-importcert", "-alias", "server", "-file", pem.toString(), "-keystore", store.toString());
        return load(store, pem, "server");
    }

    private static TestCertificate load(Path store, Path pem, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return new TestCertificate(keyStore, PASSWORD.toCharArray(), pem, store, alias);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store keytool wrote at " + store, e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD));
        ValidatorProcess run = ValidatorProcess.run(command, null, Map.of());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + run.stderr() + run.stdout());
        }
    }
}

package ai.vllm.semanticrouter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

/**
 * A self-signed server certificate for a fake HTTPS backend, made by the JDK's keytool: a PKCS12
 * key store (for {@link FakeOpenAiBackend#https(String, TestCertificate)}) and the certificate as
 * PEM ({@link #certificatePem()}, e.g. for an Envoy trusted CA).
 */
public record TestCertificate(KeyStore keyStore, char[] password, Path certificatePem) {

    /** A new key pair and self-signed certificate for {@code host} (CN and DNS SAN), written under {@code dir}. */
    public static TestCertificate selfSigned(Path dir, String host) throws IOException {
        char[] password = "changeit".toCharArray();
        Path store = dir.resolve(host + ".p12");
        Path pem = dir.resolve(host + ".crt");
        keytool(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(password)));
        keytool(List.of("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", new String(password), "-file", pem.toString()));
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            return new TestCertificate(keyStore, password, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store keytool wrote at " + store, e);
        }
    }

    private static void keytool(List<String> arguments) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        ValidatorProcess run = ValidatorProcess.run(command, null, Map.of());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("keytool " + arguments.get(0) + " failed: " + run.stderr() + run.stdout());
        }
    }
}

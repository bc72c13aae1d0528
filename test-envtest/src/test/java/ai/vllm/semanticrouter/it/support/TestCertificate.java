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
 * A server certificate for a fake HTTPS backend, made by the JDK's keytool: self-signed, or signed
 * by a test CA ({@link #authority}, {@link #signedBy}); a PKCS12 key store (for
 * {@link FakeOpenAiBackend#https(String, TestCertificate)}, the chain up to the CA) and the
 * certificate as PEM ({@link #certificatePem()}: for a CA, the bundle Envoy trusts).
 */
public record TestCertificate(KeyStore keyStore, char[] password, Path certificatePem, Path keyStoreFile) {

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
        return load(store, password, pem);
    }

    /** A CA named {@code name} (basic constraints CA:true) that {@link #signedBy} signs server certificates with. */
    public static TestCertificate authority(Path dir, String name) throws IOException {
        char[] password = "changeit".toCharArray();
        Path store = dir.resolve(name + "-ca.p12");
        Path pem = dir.resolve(name + "-ca.crt");
        keytool(List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name + " test CA", "-ext", "bc:c", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(password)));
        keytool(List.of("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", new String(password), "-file", pem.toString()));
        return load(store, password, pem);
    }

    /**
     * A key pair for {@code host} whose certificate (CN and DNS SAN {@code host}) {@code ca} signs; the
     * key store holds the chain server, CA as a TLS server sends it.
     */
    public static TestCertificate signedBy(TestCertificate ca, Path dir, String host) throws IOException {
        String pass = new String(ca.password());
        Path caStore = ca.keyStoreFile();
        Path store = dir.resolve(host + "-by-" + caStore.getFileName());
        Path request = dir.resolve(host + ".csr");
        Path pem = dir.resolve(host + "-by-" + ca.certificatePem().getFileName());
        keytool(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", pass));
        keytool(List.of("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", pass,
                "-file", request.toString()));
        keytool(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", pass,
                "-infile", request.toString(), "-outfile", pem.toString(), "-ext", "SAN=dns:" + host, "-validity", "2"));
        keytool(List.of("-importcert", "-noprompt", "-alias", "ca", "-file", ca.certificatePem().toString(),
                "-keystore", store.toString(), "-storepass", pass));
        keytool(List.of("-importcert", "-alias", "server", "-file", pem.toString(),
                "-keystore", store.toString(), "-storepass", pass));
        return load(store, ca.password(), pem);
    }

    private static TestCertificate load(Path store, char[] password, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            return new TestCertificate(keyStore, password, pem, store);
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

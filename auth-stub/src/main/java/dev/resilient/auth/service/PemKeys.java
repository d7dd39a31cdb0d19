package dev.resilient.auth.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM: PKCS#8 private keys and X.509 (SubjectPublicKeyInfo) public keys. */
final class PemKeys {

    static final String PKCS8 = "PRIVATE KEY";
    static final String X509 = "PUBLIC KEY";

    private PemKeys() {
    }

    static PrivateKey readPrivate(Path file) {
        return privateKey(block(read(file), PKCS8, file,
                "expected a PKCS#8 key ('BEGIN PRIVATE KEY'); convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem"), file);
    }

    static PublicKey readPublic(Path file) {
        return publicKey(block(read(file), X509, file,
                "expected an X.509 public key ('BEGIN PUBLIC KEY'); extract with: openssl pkey -in key.pem -pubout"), file);
    }

    /** @throws IllegalStateException naming {@code source} when {@code pem} is no RSA PKCS#8 private key */
    static PrivateKey privateKey(String pem, Object source) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, PKCS8, source)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + ": not an RSA private key: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException naming {@code source} when {@code pem} is no RSA X.509 public key */
    static PublicKey publicKey(String pem, Object source) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, X509, source)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + ": not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** {@code der} as one PEM block with lines of 64 characters, ending in a newline. */
    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return begin(label) + "\n" + body + "\n" + end(label) + "\n";
    }

    static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    static String end(String label) {
        return "-----END " + label + "-----";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first block labelled {@code label} in {@code pem}, boundaries included. */
    private static String block(String pem, String label, Object source, String hint) {
        int from = pem.indexOf(begin(label));
        int to = pem.indexOf(end(label));
        if (from < 0 || to < from) {
            throw new IllegalStateException(source + ": " + hint);
        }
        return pem.substring(from, to + end(label).length());
    }

    private static byte[] der(String pem, String label, Object source) {
        String block = block(pem, label, source, "expected a '" + begin(label) + "' block");
        try {
            return Base64.getMimeDecoder().decode(block.substring(begin(label).length(), block.length() - end(label).length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": malformed base64 in PEM: " + e.getMessage(), e);
        }
    }
}

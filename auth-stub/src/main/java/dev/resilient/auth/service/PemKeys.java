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

/** Reads RSA keys from PEM files: PKCS#8 private keys and X.509 (SubjectPublicKeyInfo) public keys. */
final class PemKeys {

    private static final String PKCS8 = "PRIVATE KEY";
    private static final String X509 = "PUBLIC KEY";

    private PemKeys() {
    }

    static PrivateKey readPrivate(Path file) {
        byte[] der = read(file, PKCS8,
                "expected a PKCS#8 key ('BEGIN PRIVATE KEY'); convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + ": not an RSA private key: " + e.getMessage(), e);
        }
    }

    static PublicKey readPublic(Path file) {
        byte[] der = read(file, X509,
                "expected an X.509 public key ('BEGIN PUBLIC KEY'); extract with: openssl pkey -in key.pem -pubout");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + ": not an RSA public key: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String label, String hint) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + ": " + hint);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": malformed base64 in PEM: " + e.getMessage(), e);
        }
    }
}

package dev.parley.protocol.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsEncodeResult;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's lightweight TLS crypto with two changes that WebRTC needs.
 *
 * <ul>
 *   <li>Certificates remember the exact bytes the peer sent, because the SDP fingerprint is a
 *       hash over those bytes; BouncyCastle would otherwise re-encode the parsed certificate.
 *   <li>Every record that fails to decrypt is silently dropped (RFC 6347 §4.1.2.7: invalid
 *       records SHOULD be discarded). BouncyCastle drops records with a bad MAC but turns a
 *       too-short ciphertext into a fatal alert, which would let one garbage datagram that
 *       happens to carry the current epoch tear down an established connection.
 * </ul>
 *
 * The record layer only runs handshakes and alerts, so its speed does not matter; SRTP itself
 * is done elsewhere with the exported keys.
 */
final class WebRtcCrypto extends BcTlsCrypto {

    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        if (type == CertificateType.X509) {
            return new ReceivedCertificate(this, encoding);
        }
        return super.createCertificate(type, encoding);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters parameters, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        return new DiscardingCipher(super.createCipher(parameters, encryptionAlgorithm, macAlgorithm));
    }

    /** The DER bytes a certificate arrived as, for fingerprinting. */
    static byte[] receivedBytes(TlsCertificate certificate) throws IOException {
        return certificate instanceof ReceivedCertificate received ? received.encoding.clone() : certificate.getEncoded();
    }

    private static final class ReceivedCertificate extends BcTlsCertificate {
        private final byte[] encoding;

        ReceivedCertificate(BcTlsCrypto crypto, byte[] encoding) throws IOException {
            super(crypto, encoding);
            this.encoding = encoding.clone();
        }
    }

    /** Turns every decryption failure into bad_record_mac, which the DTLS record layer discards. */
    private record DiscardingCipher(TlsCipher cipher) implements TlsCipher {

        @Override
        public TlsDecodeResult decodeCiphertext(long seqNo, short recordType, ProtocolVersion recordVersion,
                byte[] ciphertext, int offset, int len) throws IOException {
            try {
                return cipher.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
            } catch (TlsFatalAlert e) {
                if (e.getAlertDescription() == AlertDescription.bad_record_mac) {
                    throw e;
                }
                throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
            } catch (RuntimeException e) {
                throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
            }
        }

        @Override
        public int getCiphertextDecodeLimit(int plaintextLimit) {
            return cipher.getCiphertextDecodeLimit(plaintextLimit);
        }

        @Override
        public int getCiphertextEncodeLimit(int plaintextLimit) {
            return cipher.getCiphertextEncodeLimit(plaintextLimit);
        }

        @Override
        public int getPlaintextDecodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextDecodeLimit(ciphertextLimit);
        }

        @Override
        public int getPlaintextEncodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextEncodeLimit(ciphertextLimit);
        }

        @Override
        public TlsEncodeResult encodePlaintext(long seqNo, short contentType, ProtocolVersion recordVersion,
                int headerAllocation, byte[] plaintext, int offset, int len) throws IOException {
            return cipher.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext, offset, len);
        }

        @Override
        public void rekeyDecoder() throws IOException {
            cipher.rekeyDecoder();
        }

        @Override
        public void rekeyEncoder() throws IOException {
            cipher.rekeyEncoder();
        }

        @Override
        public boolean usesOpaqueRecordTypeDecode() {
            return cipher.usesOpaqueRecordTypeDecode();
        }

        @Override
        public boolean usesOpaqueRecordTypeEncode() {
            return cipher.usesOpaqueRecordTypeEncode();
        }
    }
}

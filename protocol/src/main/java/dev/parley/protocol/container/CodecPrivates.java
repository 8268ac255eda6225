package dev.parley.protocol.container;

import java.nio.charset.StandardCharsets;

/**
 * The codec headers the containers carry: OpusHead and OpusTags (RFC 7845 §5), which are also
 * A_OPUS's CodecPrivate in Matroska; WAVEFORMATEX for G.711 as A_MS/ACM; and the H.264
 * AVCDecoderConfigurationRecord ("avcC", ISO/IEC 14496-15 §5.3.3.1) for V_MPEG4/ISO/AVC.
 */
public final class CodecPrivates {

    /** WAVE_FORMAT_ALAW and WAVE_FORMAT_MULAW (RFC 2361). */
    public static final int WAVE_FORMAT_ALAW = 6;
    public static final int WAVE_FORMAT_MULAW = 7;

    private CodecPrivates() {
    }

    /**
     * OpusHead (RFC 7845 §5.1): version 1, channel count, pre-skip, input rate, gain 0,
     * mapping family 0 (mono or stereo).
     */
    public static byte[] opusHead(int channels, int preSkip, int inputSampleRate) {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("mapping family 0 is mono or stereo, not " + channels + " channels");
        }
        byte[] b = new byte[19];
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
        b[8] = 1;
        b[9] = (byte) channels;
        OggPage.putLe(b, 10, preSkip, 2);
        OggPage.putLe(b, 12, inputSampleRate, 4);
        OggPage.putLe(b, 16, 0, 2);
        b[18] = 0;
        return b;
    }

    /** OpusTags (RFC 7845 §5.2): the vendor string and {@code comments} as "NAME=value". */
    public static byte[] opusTags(String vendor, java.util.List<String> comments) {
        byte[] v = vendor.getBytes(StandardCharsets.UTF_8);
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes("OpusTags".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(v.length));
        out.writeBytes(v);
        out.writeBytes(le32(comments.size()));
        for (String c : comments) {
            byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(le32(bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** WAVEFORMATEX for 8 kHz mono 8-bit G.711 ({@link #WAVE_FORMAT_MULAW} or {@link #WAVE_FORMAT_ALAW}). */
    public static byte[] waveFormatG711(int formatTag) {
        byte[] b = new byte[18];
        OggPage.putLe(b, 0, formatTag, 2);  // wFormatTag
        OggPage.putLe(b, 2, 1, 2);          // nChannels
        OggPage.putLe(b, 4, 8000, 4);       // nSamplesPerSec
        OggPage.putLe(b, 8, 8000, 4);       // nAvgBytesPerSec
        OggPage.putLe(b, 12, 1, 2);         // nBlockAlign
        OggPage.putLe(b, 14, 8, 2);         // wBitsPerSample
        OggPage.putLe(b, 16, 0, 2);         // cbSize
        return b;
    }

    /**
     * AVCDecoderConfigurationRecord from one SPS and one PPS (NAL units without start codes):
     * profile, compatibility and level copied from the SPS, 4-byte NAL lengths in the samples.
     */
    public static byte[] avcC(byte[] sps, byte[] pps) {
        if (sps.length < 4 || pps.length < 1) {
            throw new IllegalArgumentException("an SPS of at least 4 bytes and a PPS are needed");
        }
        byte[] b = new byte[11 + sps.length + pps.length];
        b[0] = 1;             // configurationVersion
        b[1] = sps[1];        // AVCProfileIndication
        b[2] = sps[2];        // profile_compatibility
        b[3] = sps[3];        // AVCLevelIndication
        b[4] = (byte) 0xFF;   // 6 reserved bits, lengthSizeMinusOne = 3
        b[5] = (byte) 0xE1;   // 3 reserved bits, one SPS
        b[6] = (byte) (sps.length >> 8);
        b[7] = (byte) sps.length;
        System.arraycopy(sps, 0, b, 8, sps.length);
        int at = 8 + sps.length;
        b[at] = 1;            // one PPS
        b[at + 1] = (byte) (pps.length >> 8);
        b[at + 2] = (byte) pps.length;
        System.arraycopy(pps, 0, b, at + 3, pps.length);
        return b;
    }

    private static byte[] le32(int value) {
        byte[] b = new byte[4];
        OggPage.putLe(b, 0, value, 4);
        return b;
    }
}

package dev.parley.protocol.codec;

import java.util.Optional;

/**
 * The picture size from an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1, §7.4.2.1.1):
 * the NAL unit, emulation-prevention bytes removed (§7.4.1), read with Exp-Golomb codes (§9.1)
 * up to the frame cropping. Everything after is not needed for a container header.
 */
public final class H264Sps {

    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices. */
    private static final java.util.Set<Integer> HIGH_PROFILES =
            java.util.Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    /** The coded size after cropping. */
    public record Size(int width, int height) {
    }

    private H264Sps() {
    }

    /** Reads the size from an SPS NAL unit (its first byte the NAL header, type 7); empty when it does not parse. */
    public static Optional<Size> size(byte[] nal, int off, int len) {
        if (len < 5 || (nal[off] & 0x1f) != 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(new Bits(unescape(nal, off + 1, len - 1))));
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Size read(Bits r) {
        int profile = r.u(8);
        r.u(8); // constraint flags
        r.u(8); // level
        r.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separateColourPlane = false;
        if (HIGH_PROFILES.contains(profile)) {
            chromaFormat = r.ue();
            if (chromaFormat == 3) {
                separateColourPlane = r.u(1) == 1;
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.u(1); // qpprime_y_zero_transform_bypass_flag
            if (r.u(1) == 1) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (r.u(1) == 1) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue();
        } else if (pocType == 1) {
            r.u(1);
            r.se();
            r.se();
            int cycle = r.ue();
            if (cycle > 255) {
                throw new IllegalStateException("num_ref_frames_in_pic_order_cnt_cycle " + cycle);
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.u(1); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.ue() + 1;
        int heightMapUnits = r.ue() + 1;
        int frameMbsOnly = r.u(1);
        if (frameMbsOnly == 0) {
            r.u(1); // mb_adaptive_frame_field_flag
        }
        r.u(1); // direct_8x8_inference_flag
        int left = 0;
        int right = 0;
        int top = 0;
        int bottom = 0;
        if (r.u(1) == 1) {
            left = r.ue();
            right = r.ue();
            top = r.ue();
            bottom = r.ue();
        }
        int chromaArrayType = separateColourPlane ? 0 : chromaFormat;
        int cropX = chromaArrayType == 0 ? 1 : (chromaFormat == 3 ? 1 : 2);
        int cropY = (chromaArrayType == 0 ? 1 : (chromaFormat == 1 ? 2 : 1)) * (2 - frameMbsOnly);
        int width = widthMbs * 16 - cropX * (left + right);
        int height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropY * (top + bottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new IllegalStateException("implausible size " + width + "x" + height);
        }
        return new Size(width, height);
    }

    private static void skipScalingList(Bits r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Removes emulation-prevention bytes: 00 00 03 becomes 00 00. */
    static byte[] unescape(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        int n = 0;
        int zeros = 0;
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xff;
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out[n++] = (byte) v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An MSB-first bit reader with Exp-Golomb codes. */
    private static final class Bits {
        private final byte[] b;
        private int bit;

        Bits(byte[] b) {
            this.b = b;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (bit >= b.length * 8) {
                    throw new IllegalStateException("the SPS ends early");
                }
                v = v << 1 | (b[bit >> 3] >> (7 - (bit & 7))) & 1;
                bit++;
            }
            return v;
        }

        int ue() {
            int zeros = 0;
            while (u(1) == 0) {
                if (++zeros > 31) {
                    throw new IllegalStateException("an Exp-Golomb code longer than 32 bits");
                }
            }
            return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : u(zeros) & 0xffffffffL));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}

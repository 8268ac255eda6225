package dev.parley.media.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real encoded video for recorder tests, made by ffmpeg (libvpx, libx264) from its test
 * pattern, and packetized the way browsers do: VP8 with RFC 7741 descriptors (15-bit picture
 * ID), H.264 in packetization mode 1 (RFC 6184: SPS and PPS in a STAP-A, large NAL units in
 * FU-A fragments, small ones alone).
 */
public final class EncodedMedia {

    /** One encoded frame. */
    public record Frame(byte[] data, boolean keyframe) {
    }

    /** One RTP payload and its marker bit. */
    public record Payload(byte[] data, boolean marker) {
    }

    private static final int MTU = 1100;

    private EncodedMedia() {
    }

    /** {@code frames} VP8 frames of {@code width}x{@code height} at {@code fps}, a keyframe every {@code gop}. */
    public static List<Frame> vp8(int width, int height, int fps, int frames, int gop) {
        return vp8(width, height, fps, frames, gop, 400);
    }

    /**
     * The same at about {@code kbps} kilobits a second; from 1000 kb/s up the pattern gets
     * moving noise, or libvpx could not spend that much on it (a webcam's picture is noisy too).
     */
    public static List<Frame> vp8(int width, int height, int fps, int frames, int gop, int kbps) {
        Path ivf = encode("ivf", "-noise", Boolean.toString(kbps >= 1000), "-c:v", "libvpx", "-minrate", kbps + "k",
                "-maxrate", kbps + "k", "-deadline", "realtime", "-b:v", kbps + "k", "-g", Integer.toString(gop),
                "-keyint_min", Integer.toString(gop), "-auto-alt-ref", "0", "-lag-in-frames", "0", "-size", width + "x" + height,
                "-rate", Integer.toString(fps), "-frames", Integer.toString(frames));
        try {
            byte[] b = Files.readAllBytes(ivf);
            var list = new ArrayList<Frame>();
            int i = 32; // IVF file header; then per frame: 4-byte size, 8-byte timestamp, data
            while (i + 12 <= b.length) {
                int size = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
                byte[] data = java.util.Arrays.copyOfRange(b, i + 12, i + 12 + size);
                list.add(new Frame(data, (data[0] & 1) == 0));
                i += 12 + size;
            }
            return list;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            delete(ivf);
        }
    }

    /** H.264 constrained baseline access units (each a list of NAL units), with an access unit delimiter removed. */
    public static List<List<byte[]>> h264(int width, int height, int fps, int frames, int gop) {
        return h264(width, height, fps, frames, gop, 0);
    }

    /** The same at about {@code kbps} kilobits a second (0: x264's default quality), with noise from 1000 kb/s up. */
    public static List<List<byte[]>> h264(int width, int height, int fps, int frames, int gop, int kbps) {
        var rate = kbps <= 0 ? List.<String>of() : List.of("-b:v", kbps + "k", "-minrate", kbps + "k", "-maxrate",
                kbps + "k", "-bufsize", kbps + "k");
        var args = new ArrayList<>(List.of("-noise", Boolean.toString(kbps >= 1000)));
        args.addAll(rate);
        args.addAll(List.of("-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-tune", "zerolatency",
                "-g", Integer.toString(gop), "-bf", "0", "-x264-params", "aud=1", "-size", width + "x" + height, "-rate",
                Integer.toString(fps), "-frames", Integer.toString(frames)));
        Path h264 = encode("h264", args.toArray(String[]::new));
        try {
            byte[] b = Files.readAllBytes(h264);
            var units = new ArrayList<List<byte[]>>();
            List<byte[]> current = null;
            for (byte[] nal : splitAnnexB(b)) {
                int type = nal[0] & 0x1f;
                if (type == 9) {
                    current = new ArrayList<>();
                    units.add(current);
                } else if (current != null) {
                    current.add(nal);
                }
            }
            return units;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            delete(h264);
        }
    }

    /** Packetizes a VP8 frame: descriptor X=1, S on the first packet, I with a 15-bit picture ID. */
    public static List<Payload> packetizeVp8(byte[] frame, int pictureId) {
        var out = new ArrayList<Payload>();
        for (int at = 0; at < frame.length; at += MTU) {
            int n = Math.min(MTU, frame.length - at);
            byte[] p = new byte[4 + n];
            p[0] = (byte) (0x80 | (at == 0 ? 0x10 : 0));
            p[1] = (byte) 0x80;
            p[2] = (byte) (0x80 | ((pictureId >> 8) & 0x7f));
            p[3] = (byte) pictureId;
            System.arraycopy(frame, at, p, 4, n);
            out.add(new Payload(p, at + n >= frame.length));
        }
        return out;
    }

    /** Packetizes an access unit: SPS and PPS together in a STAP-A, large NAL units in FU-As, small ones alone. */
    public static List<Payload> packetizeH264(List<byte[]> nals) {
        var out = new ArrayList<byte[]>();
        var stap = new java.io.ByteArrayOutputStream();
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1f;
            if (type == 7 || type == 8) {
                if (stap.size() == 0) {
                    stap.write(0x78);
                }
                stap.write(nal.length >> 8);
                stap.write(nal.length);
                stap.writeBytes(nal);
                continue;
            }
            if (stap.size() > 0) {
                out.add(stap.toByteArray());
                stap.reset();
            }
            if (nal.length <= MTU) {
                out.add(nal);
                continue;
            }
            for (int at = 1; at < nal.length; at += MTU) {
                int n = Math.min(MTU, nal.length - at);
                byte[] p = new byte[2 + n];
                p[0] = (byte) ((nal[0] & 0xe0) | 28);
                p[1] = (byte) ((at == 1 ? 0x80 : 0) | (at + n >= nal.length ? 0x40 : 0) | type);
                System.arraycopy(nal, at, p, 2, n);
                out.add(p);
            }
        }
        if (stap.size() > 0) {
            out.add(stap.toByteArray());
        }
        var payloads = new ArrayList<Payload>();
        for (int i = 0; i < out.size(); i++) {
            payloads.add(new Payload(out.get(i), i == out.size() - 1));
        }
        return payloads;
    }

    static List<byte[]> splitAnnexB(byte[] b) {
        var nals = new ArrayList<byte[]>();
        int start = -1;
        int i = 0;
        while (i + 3 <= b.length) {
            boolean code3 = b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1;
            if (code3) {
                if (start >= 0) {
                    int end = i;
                    while (end > start && b[end - 1] == 0) {
                        end--;
                    }
                    nals.add(java.util.Arrays.copyOfRange(b, start, end));
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < b.length) {
            nals.add(java.util.Arrays.copyOfRange(b, start, b.length));
        }
        return nals;
    }

    /** Runs ffmpeg on its test pattern; options "-size", "-rate", "-frames" are ours, the rest goes to the encoder. */
    private static Path encode(String format, String... options) {
        String size = "320x240";
        String rate = "30";
        String frames = "30";
        boolean noise = false;
        var encoder = new ArrayList<String>();
        for (int i = 0; i < options.length; i++) {
            switch (options[i]) {
                case "-size" -> size = options[++i];
                case "-rate" -> rate = options[++i];
                case "-frames" -> frames = options[++i];
                case "-noise" -> noise = Boolean.parseBoolean(options[++i]);
                default -> encoder.add(options[i]);
            }
        }
        try {
            Path out = Files.createTempFile("parley-media", "." + format);
            var command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=size=" + size + ":rate=" + rate + (noise ? ",noise=alls=20:allf=t" : ""), "-frames:v", frames));
            command.addAll(encoder);
            command.addAll(List.of("-f", format, out.toString()));
            Ffprobe.Run r = Ffprobe.run(command.toArray(String[]::new));
            if (r.exit() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + r.err());
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp file
        }
    }
}

package dev.parley.platform.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mixes a recording's participant files into one with ffmpeg: the audio of everyone mixed
 * (amix without normalising, so a voice is as loud as it was recorded however many others
 * there are), and the videos in a {@link GridLayout}. Each file is placed on the common
 * timeline at its start offset: audio is delayed with adelay after aresample has filled the
 * gaps of DTX and packet loss with silence; video frames are shifted by setpts and overlaid on
 * a black canvas, so a tile is black before its participant's video starts and after it ends.
 * Participants without video are left out of the grid (their audio is mixed); a video
 * recording in which nobody had video composes to audio only.
 *
 * <p>Video composes to MP4 (H.264 veryfast, AAC); audio only to Ogg Opus.
 */
final class Composer {

    /** One participant file on the timeline. */
    record Input(Path file, Duration offset, Duration length, boolean video, boolean audio) {
    }

    sealed interface Outcome {
        record Done(FileFormat format, List<String> codecs, Duration duration) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    private static final int FRAME_RATE = 25;
    private static final int MAX_REASON = 900;

    private final Path ffmpeg;
    private final Duration timeout;

    Composer(Path ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /** MP4 when any input has video and the recording is a video one; else Ogg. */
    static FileFormat outputFormat(List<Input> inputs, RecordingType type) {
        return type == RecordingType.AUDIO_AND_VIDEO && inputs.stream().anyMatch(Input::video)
                ? FileFormat.MP4 : FileFormat.OGG;
    }

    /** True when some input carries what {@code format} holds: audio, or (MP4) video. */
    static boolean hasOutput(List<Input> inputs, FileFormat format) {
        return inputs.stream().anyMatch(input -> input.audio() || (format == FileFormat.MP4 && input.video()));
    }

    /**
     * Runs ffmpeg; the output is deleted again when it fails. {@code started} gets the process,
     * so that a cancellation can stop it.
     */
    Outcome compose(List<Input> inputs, FileFormat format, Path output, java.util.function.Consumer<Process> started) {
        if (!Files.isExecutable(ffmpeg)) {
            return new Outcome.Failed("ffmpeg is not installed at " + ffmpeg
                    + " (set recordings.ffmpeg to where it is)");
        }
        Duration total = total(inputs);
        List<String> command = command(inputs, format, total, output);
        try {
            ChildProcess.Result result = ChildProcess.run(command, timeout, started);
            if (result.succeeded() && Files.size(output) > 0) {
                return new Outcome.Done(format, format == FileFormat.MP4 && inputs.stream().anyMatch(Input::audio)
                        ? List.of("H264", "AAC") : format == FileFormat.MP4 ? List.of("H264") : List.of("OPUS"),
                        total);
            }
            Files.deleteIfExists(output);
            if (result.timedOut()) {
                return new Outcome.Failed("ffmpeg did not finish within " + timeout.toSeconds() + " s");
            }
            String why = withoutDirectories(result.reason(MAX_REASON), inputs, output);
            return new Outcome.Failed("ffmpeg failed (exit " + result.exitCode() + ")" + (why.isEmpty() ? "" : ": " + why));
        } catch (IOException e) {
            deleteQuietly(output);
            return new Outcome.Failed("ffmpeg could not run: " + e.getMessage());
        }
    }

    /** ffmpeg names files by their paths; the reason is shown to API users, who need only the names. */
    private static String withoutDirectories(String reason, List<Input> inputs, Path output) {
        String text = reason.replace(output.toString(), output.getFileName().toString());
        for (Input input : inputs) {
            text = text.replace(input.file().toString(), input.file().getFileName().toString());
        }
        return text;
    }

    /** The whole timeline: from the first file's start to the last file's end. */
    static Duration total(List<Input> inputs) {
        return inputs.stream().map(input -> input.offset().plus(input.length())).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** The ffmpeg command line. Every value in it is generated (paths, numbers), none is user text. */
    List<String> command(List<Input> inputs, FileFormat format, Duration total, Path output) {
        var command = new ArrayList<String>();
        // Lower priority than the server itself: calls and the media loop come first.
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.addAll(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        for (Input input : inputs) {
            command.addAll(List.of("-i", input.file().toString()));
        }
        var graph = new ArrayList<String>();
        boolean video = format == FileFormat.MP4;
        if (video) {
            videoGraph(inputs, total, graph);
        }
        boolean audio = audioGraph(inputs, graph);
        command.addAll(List.of("-filter_complex", String.join(";", graph)));
        if (video) {
            command.addAll(List.of("-map", "[vout]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                    "-pix_fmt", "yuv420p", "-r", Integer.toString(FRAME_RATE)));
        }
        if (audio) {
            command.addAll(List.of("-map", "[aout]"));
            command.addAll(video ? List.of("-c:a", "aac", "-b:a", "128k", "-ar", "48000")
                    : List.of("-c:a", "libopus", "-b:a", "64k", "-ar", "48000"));
        }
        command.addAll(List.of("-t", seconds(total)));
        if (video) {
            command.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
        } else {
            command.addAll(List.of("-f", "ogg"));
        }
        command.add(output.toString());
        return command;
    }

    private static void videoGraph(List<Input> inputs, Duration total, List<String> graph) {
        List<Integer> withVideo = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).video()) {
                withVideo.add(i);
            }
        }
        GridLayout grid = GridLayout.of(withVideo.size());
        int w = grid.tileWidth();
        int h = grid.tileHeight();
        graph.add(String.format(Locale.ROOT, "color=c=black:s=%dx%d:r=%d:d=%s,format=yuv420p[base]",
                grid.width(), grid.height(), FRAME_RATE, seconds(total)));
        String below = "base";
        for (int tile = 0; tile < withVideo.size(); tile++) {
            int i = withVideo.get(tile);
            graph.add(String.format(Locale.ROOT, "[%d:v]setpts=PTS+%s/TB,scale=%d:%d:force_original_aspect_ratio=decrease,"
                            + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p[v%d]",
                    i, seconds(inputs.get(i).offset()), w, h, w, h, tile));
            String above = tile == withVideo.size() - 1 ? "vout" : "b" + tile;
            graph.add(String.format(Locale.ROOT, "[%s][v%d]overlay=x=%d:y=%d:eof_action=pass:repeatlast=0[%s]",
                    below, tile, grid.x(tile), grid.y(tile), above));
            below = above;
        }
    }

    /** Adds the audio mix; false when no input has audio. */
    private static boolean audioGraph(List<Input> inputs, List<String> graph) {
        var labels = new StringBuilder();
        int count = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).audio()) {
                continue;
            }
            graph.add(String.format(Locale.ROOT, "[%d:a]aresample=48000:async=1:first_pts=0,adelay=delays=%d:all=1[a%d]",
                    i, inputs.get(i).offset().toMillis(), i));
            labels.append("[a").append(i).append(']');
            count++;
        }
        if (count == 0) {
            return false;
        }
        graph.add(labels + "amix=inputs=" + count + ":duration=longest:normalize=0[aout]");
        return true;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the recording's delete, which removes its whole directory.
        }
    }
}

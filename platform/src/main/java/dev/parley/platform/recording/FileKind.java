package dev.parley.platform.recording;

/** One participant's file as the recorder wrote it, or the one mixed file composition made. */
public enum FileKind {
    PARTICIPANT,
    COMPOSED
}

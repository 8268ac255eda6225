package dev.parley.platform.calllink;

/** The controls the call page offers during the call; a control left off is not shown at all. */
public record CallOptions(boolean mute, boolean screenShare, boolean camera, boolean switchCameraFacingMode,
                          boolean dialPad, boolean settings, boolean recordingIndicator) {

    public static final CallOptions DEFAULTS = new CallOptions(true, true, true, false, false, true, true);
}

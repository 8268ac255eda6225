package dev.parley.protocol.container;

/**
 * The element IDs Parley writes and reads, from RFC 9559 §5.1 (Matroska) and RFC 8794 §11
 * (EBML), with their marker bits as they appear in files.
 */
public final class MatroskaIds {

    private MatroskaIds() {
    }

    public static final long EBML = 0x1A45DFA3L;
    public static final long EBML_VERSION = 0x4286;
    public static final long EBML_READ_VERSION = 0x42F7;
    public static final long EBML_MAX_ID_LENGTH = 0x42F2;
    public static final long EBML_MAX_SIZE_LENGTH = 0x42F3;
    public static final long DOC_TYPE = 0x4282;
    public static final long DOC_TYPE_VERSION = 0x4287;
    public static final long DOC_TYPE_READ_VERSION = 0x4285;
    public static final long VOID = 0xEC;

    public static final long SEGMENT = 0x18538067L;
    public static final long SEEK_HEAD = 0x114D9B74L;
    public static final long SEEK = 0x4DBB;
    public static final long SEEK_ID = 0x53AB;
    public static final long SEEK_POSITION = 0x53AC;

    public static final long INFO = 0x1549A966L;
    public static final long TIMESTAMP_SCALE = 0x2AD7B1;
    public static final long DURATION = 0x4489;
    public static final long DATE_UTC = 0x4461;
    public static final long MUXING_APP = 0x4D80;
    public static final long WRITING_APP = 0x5741;

    public static final long TRACKS = 0x1654AE6BL;
    public static final long TRACK_ENTRY = 0xAE;
    public static final long TRACK_NUMBER = 0xD7;
    public static final long TRACK_UID = 0x73C5;
    public static final long TRACK_TYPE = 0x83;
    public static final long FLAG_LACING = 0x9C;
    public static final long CODEC_ID = 0x86;
    public static final long CODEC_PRIVATE = 0x63A2;
    public static final long CODEC_DELAY = 0x56AA;
    public static final long SEEK_PRE_ROLL = 0x56BB;
    public static final long VIDEO = 0xE0;
    public static final long PIXEL_WIDTH = 0xB0;
    public static final long PIXEL_HEIGHT = 0xBA;
    public static final long AUDIO = 0xE1;
    public static final long SAMPLING_FREQUENCY = 0xB5;
    public static final long CHANNELS = 0x9F;
    public static final long BIT_DEPTH = 0x6264;

    public static final long CLUSTER = 0x1F43B675L;
    public static final long TIMESTAMP = 0xE7;
    public static final long SIMPLE_BLOCK = 0xA3;
    public static final long BLOCK_GROUP = 0xA0;
    public static final long BLOCK = 0xA1;

    public static final long CUES = 0x1C53BB6BL;
    public static final long CUE_POINT = 0xBB;
    public static final long CUE_TIME = 0xB3;
    public static final long CUE_TRACK_POSITIONS = 0xB7;
    public static final long CUE_TRACK = 0xF7;
    public static final long CUE_CLUSTER_POSITION = 0xF1;

    public static final long TAGS = 0x1254C367L;
    public static final long TAG = 0x7373;
    public static final long TARGETS = 0x63C0;
    public static final long SIMPLE_TAG = 0x67C8;
    public static final long TAG_NAME = 0x45A3;
    public static final long TAG_STRING = 0x4487;
}

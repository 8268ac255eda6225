/**
 * Work that must not run on the media loop (codec work, disk writes), on small shared pools of
 * platform threads where each user gets its own serial {@link dev.parley.media.workers.LanePool.Lane}.
 */
package dev.parley.media.workers;

package dev.stave.audio;

import java.nio.file.Path;

/**
 * A scanned audio file and the track it is the master file of.
 *
 * @param bitrateKbps average bitrate as ffprobe reports it
 * @param container ffprobe's format name reduced to one word: mp3, ogg, flac, wav, mp4
 */
public record AudioFile(
    Path path,
    long size,
    long mtimeMs,
    String contentHash,
    long trackId,
    boolean ownsTrack,
    long durationMs,
    String codec,
    String container,
    int bitrateKbps,
    Integer sampleRate,
    Integer channels,
    boolean hasCover,
    boolean present) {}

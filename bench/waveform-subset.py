#!/usr/bin/env python3
"""How far a waveform made from a subset of the audio is from the exact one (issue 15 item 6).

Stave's waveform (dev.stave.audio.Waveforms) is 960 peaks, 0..100, each the loudest sample of its
slice of the whole track, from ffmpeg's full mono decode at the file's own rate. A cheaper waveform
would decode only some packets; this prints, per file, the mean and the largest |difference| in
points of 100 against the exact peaks, for:
  - `drop`: ffmpeg's `noise` bitstream filter on the input dropping packets (EXPR, default: 3 in 4
    kept out), decoded by the bundled ffmpeg 7.1 (Debian's 5.1 takes bitstream filters on outputs
    only); the decoder then sees the gaps (MP3's bit reservoir, Vorbis' overlap).
  - `ideal`: the exact decode with only some 1,152-sample frames kept (every 2nd, every 4th):
    the best any subset could do, perfectly aligned.
Usage: bench/waveform-subset.py [--drop EXPR] FILE...   (needs numpy, ffmpeg; the bundled ffmpeg
is looked up under ~/.cache/stave/ffmpeg, extracted by any `stave scan`).
Measured 2026-12-07 on the 16 singularity-music recordings: docs/performance.md, third round.
"""
import glob, os, subprocess, sys
import numpy as np

PEAKS = 960


def decode(ffmpeg, path, pre=(), env=None):
    out = subprocess.run([ffmpeg, "-v", "error", "-nostdin", *pre, "-i", path, "-vn",
                          "-rematrix_maxval", "1", "-ac", "1", "-c:a", "pcm_f32le", "-f", "f32le", "-"],
                         capture_output=True, env=env, check=True).stdout
    return np.abs(np.frombuffer(out, np.float32))


def peaks(samples):
    """As Waveforms.PeakSink: loudest of every 64 samples, rounded to 0..100, then 960 slices."""
    nb = (len(samples) + 63) // 64
    b = np.pad(samples, (0, nb * 64 - len(samples))).reshape(nb, 64).max(1)
    b = np.minimum(100, np.round(b * 100))
    c = len(b)
    return np.array([b[i * c // PEAKS:max(i * c // PEAKS + 1, (i + 1) * c // PEAKS)].max()
                     for i in range(PEAKS)])


def main(argv):
    expr = "gte(mod(n\\,4)\\,1)"
    if argv[:1] == ["--drop"]:
        expr, argv = argv[1], argv[2:]
    bundled = sorted(glob.glob(os.path.expanduser("~/.cache/stave/ffmpeg/*/ffmpeg")))
    system = "ffmpeg"
    print("| file | drop %s: mean / largest | ideal 1 frame in 2 | ideal 1 frame in 4 |" % expr)
    print("|---|---|---|---|")
    for path in argv:
        exact_samples = decode(system, path)
        exact = peaks(exact_samples)
        cells = []
        if bundled:
            env = dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(bundled[-1]))
            d = peaks(decode(bundled[-1], path, ("-bsf:a", "noise=drop=" + expr), env)) - exact
            cells.append("%.2f / %d" % (np.abs(d).mean(), np.abs(d).max()))
        else:
            cells.append("(no bundled ffmpeg)")
        frames = len(exact_samples) // 1152
        f = exact_samples[:frames * 1152].reshape(frames, 1152)
        for every in (2, 4):
            d = peaks(f[np.arange(frames) % every == 0].ravel()) - exact
            cells.append("%.2f / %d" % (np.abs(d).mean(), np.abs(d).max()))
        print("| %s | %s |" % (os.path.basename(path), " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Writes the console's alert sounds: short sine tones as 8 kHz, 16-bit mono WAV files.

Run from this folder to regenerate them; the files are checked in so that building
needs no Python. P1 is an urgent double beep, P2 a single mid tone, P3+ a soft low tone.
"""
import math
import struct
import wave

RATE = 8000


def tone(freq, seconds, volume):
    n = int(RATE * seconds)
    fade = int(RATE * 0.01)  # 10 ms ramps: no clicks at the edges
    out = []
    for i in range(n):
        ramp = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(volume * ramp * math.sin(2 * math.pi * freq * i / RATE))
    return out


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def write(name, samples):
    with wave.open(name, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


write("alert-p1.wav", tone(988, 0.11, 0.8) + silence(0.05) + tone(988, 0.11, 0.8))
write("alert-p2.wav", tone(784, 0.22, 0.6))
write("alert-p3.wav", tone(523, 0.18, 0.4))

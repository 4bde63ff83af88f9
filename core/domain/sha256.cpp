#include "sha256.h"

#include <QCryptographicHash>

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NOCTURNE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace nocturne::core {

namespace {

#ifdef NOCTURNE_SHA_NI

alignas(16) constexpr quint32 RoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

bool cpuHasShaExtensions()
{
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return false;
    const bool sha = (ebx >> 29) & 1;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return false;
    const bool sse41 = (ecx >> 19) & 1, ssse3 = (ecx >> 9) & 1;
    return sha && sse41 && ssse3;
}

// Both the message schedule (SHA256MSG1/MSG2) and the rounds (SHA256RNDS2, two at a
// time) run on the SHA extensions.
__attribute__((target("sha,sse4.1,ssse3"))) void compressBlocks(quint32 state[8], const uchar *data, size_t blocks)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[0])); // ABCD
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[4])); // EFGH
    tmp = _mm_shuffle_epi32(tmp, 0xB1); // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B); // HGFE
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0); // CDGH

    __m128i w[16]; // w[k] holds message words 4k .. 4k+3
    for (size_t b = 0; b < blocks; ++b, data += 64) {
        for (int k = 0; k < 4; ++k)
            w[k] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16 * k)), byteSwap);
        for (int k = 4; k < 16; ++k) {
            // W[i] = W[i-16] + s0(W[i-15]) + W[i-7] + s1(W[i-2]), four words at a time.
            __m128i next = _mm_sha256msg1_epu32(w[k - 4], w[k - 3]);
            next = _mm_add_epi32(next, _mm_alignr_epi8(w[k - 1], w[k - 2], 4));
            w[k] = _mm_sha256msg2_epu32(next, w[k - 1]);
        }
        const __m128i savedAbef = state0;
        const __m128i savedCdgh = state1;
        for (int k = 0; k < 16; ++k) {
            __m128i message = _mm_add_epi32(w[k], _mm_load_si128(reinterpret_cast<const __m128i *>(&RoundConstants[4 * k])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
        }
        state0 = _mm_add_epi32(state0, savedAbef);
        state1 = _mm_add_epi32(state1, savedCdgh);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B); // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1); // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8); // ABEF -> HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[4]), state1);
}

QByteArray hardwareSha256(QByteArrayView input)
{
    quint32 state[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    const auto *data = reinterpret_cast<const uchar *>(input.data());
    const size_t size = size_t(input.size());
    const size_t fullBlocks = size / 64;
    compressBlocks(state, data, fullBlocks);

    // Padding: 0x80, zeros, then the length in bits, big-endian, in one or two blocks.
    std::array<uchar, 128> tail {};
    const size_t rest = size - fullBlocks * 64;
    std::memcpy(tail.data(), data + fullBlocks * 64, rest);
    tail[rest] = 0x80;
    const size_t tailBlocks = rest + 9 <= 64 ? 1 : 2;
    const quint64 bits = quint64(size) * 8;
    for (int i = 0; i < 8; ++i)
        tail[tailBlocks * 64 - 1 - i] = uchar(bits >> (8 * i));
    compressBlocks(state, tail.data(), tailBlocks);

    QByteArray digest(32, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i) {
        digest[4 * i] = char(state[i] >> 24);
        digest[4 * i + 1] = char(state[i] >> 16);
        digest[4 * i + 2] = char(state[i] >> 8);
        digest[4 * i + 3] = char(state[i]);
    }
    return digest;
}

const bool hasHardware = cpuHasShaExtensions();

#else
constexpr bool hasHardware = false;
#endif

} // namespace

bool sha256UsesHardware() { return hasHardware; }

QByteArray sha256(QByteArrayView data)
{
#ifdef NOCTURNE_SHA_NI
    if (hasHardware)
        return hardwareSha256(data);
#endif
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(QByteArrayView data) { return sha256(data).toHex(); }

} // namespace nocturne::core

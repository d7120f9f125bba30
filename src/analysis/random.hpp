#pragma once
// Internal: a small random number generator of our own, so that a seed gives
// the same stream (and the same robustness figures) with every standard
// library. xoshiro256** seeded through splitmix64, as its authors advise
// (https://prng.di.unimi.it/).

#include <array>
#include <cstddef>
#include <cstdint>

namespace makeorbuy::detail {

[[nodiscard]] inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        for (auto& word : m_state)
            word = splitmix64(seed);
    }

    /// Resumes from a state saved with state().
    explicit Xoshiro256(const std::array<std::uint64_t, 4>& state)
        : m_state(state) {}
    [[nodiscard]] const std::array<std::uint64_t, 4>& state() const { return m_state; }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17U;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1): the top 53 bits scaled, exact in every IEEE double.
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

    /// n numbers in turn, as n calls of uniform() would give them, but only
    /// those with `wanted[i]` set are worked out and written to out[i]; the
    /// others only move the generator on (the same stream, less work).
    void fill(double* out, const unsigned char* wanted, std::size_t n) {
        std::uint64_t s0 = m_state[0];
        std::uint64_t s1 = m_state[1];
        std::uint64_t s2 = m_state[2];
        std::uint64_t s3 = m_state[3];
        for (std::size_t i = 0; i < n; ++i) {
            if (wanted[i] != 0) out[i] = static_cast<double>((rotl(s1 * 5, 7) * 9) >> 11U) * 0x1.0p-53;
            const std::uint64_t t = s1 << 17U;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = rotl(s3, 45);
        }
        m_state = {s0, s1, s2, s3};
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }
    std::array<std::uint64_t, 4> m_state{};
};

} // namespace makeorbuy::detail

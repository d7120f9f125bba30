#pragma once
// Internal: small random number generators of our own, so that a seed gives
// the same stream (and the same robustness figures) with every standard
// library (https://prng.di.unimi.it/): xoshiro256** seeded through splitmix64,
// as its authors advise, for the answers' stream, and splitmix64 itself, whose
// state moves by a constant step, read at any position for the weights.

#include <array>
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

private:
    static std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }
    std::array<std::uint64_t, 4> m_state{};
};

/// The weights' numbers, in any order: number `index` of the splitmix64
/// stream that starts at `seed`, uniform in [0, 1) (its top 53 bits scaled).
/// Rule r of sample s is index s * rules + r, so a sampler works out only the
/// rules the answers fire, and a rule's number in a sample never depends on
/// which other rules fire or in what order the samples are made.
[[nodiscard]] inline double uniform_at(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t state = seed + index * 0x9e3779b97f4a7c15ULL;
    return static_cast<double>(splitmix64(state) >> 11U) * 0x1.0p-53;
}

} // namespace makeorbuy::detail

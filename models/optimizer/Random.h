#pragma once
// One random source for the whole search, so a seed repeats a run exactly.
#include <cstdint>
#include <random>

namespace fieldops::optimizer {

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_engine); } // [0, 1)
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_engine); } // inclusive
    std::mt19937_64 &engine() { return m_engine; }

private:
    std::mt19937_64 m_engine;
};

} // namespace fieldops::optimizer

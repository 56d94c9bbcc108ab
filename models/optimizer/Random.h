#pragma once
// One random source for the whole search, so a seed repeats a run exactly.
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace fieldops::optimizer {

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_engine); } // [0, 1)
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_engine); } // inclusive
    // How many trials pass before the next one that succeeds with probability p (geometric):
    // one draw per success instead of one per trial.
    int trialsBeforeSuccess(double p)
    {
        if (p <= 0)
            return std::numeric_limits<int>::max();
        const double trials = std::floor(std::log(1.0 - unit()) / std::log1p(-p));
        return trials >= double(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(trials);
    }
    std::mt19937_64 &engine() { return m_engine; }

private:
    std::mt19937_64 m_engine;
};

} // namespace fieldops::optimizer

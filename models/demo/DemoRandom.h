#pragma once
// The seeder's only source of chance. QRandomGenerator(seed) is specified to give the
// same raw 32-bit sequence everywhere; std:: distributions are not (their mapping is
// implementation-defined), so every draw below maps raw output with our own arithmetic.
#include <QRandomGenerator>

#include <vector>

namespace fieldops::demo {

class DemoRandom {
public:
    explicit DemoRandom(quint32 seed) : m_gen(seed) {}

    quint32 raw() { return m_gen.generate(); }
    // 0 ≤ r < n (n > 0), by multiply-shift: no modulo bias worth mentioning at our sizes.
    int below(int n) { return n <= 1 ? 0 : int((quint64(raw()) * quint64(n)) >> 32); }
    // lo ≤ r ≤ hi
    int between(int lo, int hi) { return hi <= lo ? lo : lo + below(hi - lo + 1); }
    // [0, 1) with 32 bits of resolution.
    double unit() { return raw() * (1.0 / 4294967296.0); }
    double range(double lo, double hi) { return lo + (hi - lo) * unit(); }
    bool chance(double p) { return unit() < p; }
    // A bell-ish value in [-1, 1] (mean of three uniforms): for "mostly near the middle".
    double bell() { return (unit() + unit() + unit()) / 1.5 - 1.0; }

    template <typename C>
    const auto &pick(const C &c) { return c[below(int(std::size(c)))]; }

    // Index chosen with probability weights[i] / sum(weights).
    int weighted(const std::vector<int> &weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int r = below(total);
        for (int i = 0; i < int(weights.size()); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return int(weights.size()) - 1;
    }

private:
    QRandomGenerator m_gen;
};

} // namespace fieldops::demo

#include "field/ArrivalInference.h"

#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <cstdint>
#include <numbers>

namespace fieldops::field {

namespace {

constexpr double kEarthRadiusM = 6371008.8; // the mean radius
constexpr double kMetresPerDegree = kEarthRadiusM * std::numbers::pi / 180.0;

// Labels of fixes: the index of the site they are at, or one of these.
constexpr int kNowhere = -1; // inside no fence: outside every site
constexpr int kIgnored = -2; // too inaccurate to say: as if the phone had not reported

double wrappedLongitude(double dLon)
{
    if (dLon > 180.0)
        return dLon - 360.0;
    if (dLon < -180.0)
        return dLon + 360.0;
    return dLon;
}

// A site with what the fence test needs precomputed. The test runs for every fix against
// every site of the technician's day (millions of times for a day of a large crew), so it
// is done on the tangent plane at the site: two multiplications instead of a haversine's
// trigonometry, within a metre of the great-circle distance at a few kilometres, far below
// a phone's own error.
struct Site {
    double lat;
    double lon;
    double metresPerDegreeLon;
};

struct Stay {
    qint64 first;
    qint64 lastInside;
    bool departed; // seen leaving, rather than still inside when the track ended
};

int siteOf(std::vector<Site> &sites, double lat, double lon)
{
    for (size_t i = 0; i < sites.size(); ++i) {
        if (sites[i].lat == lat && sites[i].lon == lon)
            return int(i);
    }
    sites.push_back({lat, lon, kMetresPerDegree * std::cos(lat * std::numbers::pi / 180.0)});
    return int(sites.size() - 1);
}

// Which fence each fix is in: the nearest site whose fence (widened by the fix's accuracy)
// holds it, so a stay between two neighbouring sites counts at one of them only.
void labelFixes(std::span<const PositionFix> fixes, const std::vector<Site> &sites, const InferenceOptions &options,
                std::vector<std::int8_t> &labels)
{
    labels.resize(fixes.size());
    for (size_t i = 0; i < fixes.size(); ++i) {
        const PositionFix &f = fixes[i];
        double reach = options.radiusM;
        if (f.accuracyM >= 0) {
            if (f.accuracyM > options.maxAccuracyM) {
                labels[i] = kIgnored;
                continue;
            }
            reach += f.accuracyM;
        }
        double best = reach * reach;
        int label = kNowhere;
        for (size_t s = 0; s < sites.size(); ++s) {
            const double dy = (f.lat - sites[s].lat) * kMetresPerDegree;
            const double dx = wrappedLongitude(f.lon - sites[s].lon) * sites[s].metresPerDegreeLon;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best) {
                best = d2;
                label = int(s);
            }
        }
        labels[i] = std::int8_t(label);
    }
}

// The stays at one site, in time order.
void staysAt(int site, std::span<const PositionFix> fixes, const std::vector<std::int8_t> &labels, const InferenceOptions &options,
             std::vector<Stay> &stays)
{
    bool inStay = false;
    bool seenOutside = false;
    qint64 first = 0, lastInside = 0, firstOutside = 0, previous = 0;
    auto close = [&](bool departed) {
        if (lastInside - first >= options.dwellSecs)
            stays.push_back({first, lastInside, departed});
        inStay = false;
    };
    for (size_t i = 0; i < fixes.size(); ++i) {
        const int label = labels[i];
        if (label == kIgnored)
            continue;
        const qint64 t = fixes[i].at;
        if (inStay && t - previous > options.maxGapSecs)
            close(true);
        previous = t;
        if (label == site) {
            if (!inStay) {
                inStay = true;
                first = t;
            }
            lastInside = t;
            seenOutside = false;
        } else if (inStay) {
            if (!seenOutside) {
                seenOutside = true;
                firstOutside = t;
            }
            if (t - firstOutside >= options.dwellSecs)
                close(true);
        }
    }
    // Still inside at the end of the track: where it went next is not known yet.
    if (inStay)
        close(seenOutside);
}

// How far apart a stay and a planned visit are in time: 0 when they overlap.
qint64 separation(const Stay &s, const PlannedVisit &v)
{
    return std::max<qint64>({0, v.plannedStart - s.lastInside, s.first - v.plannedEnd});
}

} // namespace

double nearbyDistanceM(double lat1, double lon1, double lat2, double lon2)
{
    const double dy = (lat2 - lat1) * kMetresPerDegree;
    const double dx = wrappedLongitude(lon2 - lon1) * kMetresPerDegree * std::cos(lat1 * std::numbers::pi / 180.0);
    return std::sqrt(dx * dx + dy * dy);
}

std::vector<InferredVisit> inferArrivals(std::span<const PositionFix> fixes, std::span<const PlannedVisit> visits,
                                         const InferenceOptions &options)
{
    std::vector<InferredVisit> out;
    out.reserve(visits.size());
    for (const PlannedVisit &v : visits)
        out.push_back({v.appointmentId, std::nullopt, std::nullopt});
    if (visits.empty() || fixes.empty())
        return out;

    std::vector<Site> sites;
    std::vector<int> siteOfVisit;
    siteOfVisit.reserve(visits.size());
    for (const PlannedVisit &v : visits)
        siteOfVisit.push_back(siteOf(sites, v.siteLat, v.siteLon));
    // Labels are one byte; a technician's day has a handful of sites, never a hundred.
    if (sites.size() > 127)
        sites.resize(127);

    thread_local std::vector<std::int8_t> labels;
    labelFixes(fixes, sites, options, labels);

    // The stay a visit starts with and the one it ends with.
    std::vector<std::optional<Stay>> firstStay(visits.size()), lastStay(visits.size());
    std::vector<Stay> stays;
    for (size_t s = 0; s < sites.size(); ++s) {
        stays.clear();
        staysAt(int(s), fixes, labels, options, stays);
        for (const Stay &stay : stays) {
            int best = -1;
            for (size_t v = 0; v < visits.size(); ++v) {
                if (siteOfVisit[v] != int(s))
                    continue;
                if (best < 0)
                    best = int(v);
                else {
                    const qint64 d = separation(stay, visits[v]), bestD = separation(stay, visits[size_t(best)]);
                    const qint64 lead = std::abs(stay.first - visits[v].plannedStart);
                    const qint64 bestLead = std::abs(stay.first - visits[size_t(best)].plannedStart);
                    if (d < bestD || (d == bestD && lead < bestLead))
                        best = int(v);
                }
            }
            if (best < 0)
                continue;
            // Stays come in time order per site, so the first kept is the earliest.
            if (!firstStay[size_t(best)])
                firstStay[size_t(best)] = stay;
            lastStay[size_t(best)] = stay;
        }
    }
    for (size_t v = 0; v < visits.size(); ++v) {
        if (firstStay[v])
            out[v].arrivedAt = firstStay[v]->first;
        if (lastStay[v] && lastStay[v]->departed)
            out[v].departedAt = lastStay[v]->lastInside;
    }
    return out;
}

void inferArrivalsForAll(std::vector<TechnicianDay> &days, const InferenceOptions &options, bool parallel)
{
    auto one = [&options](TechnicianDay &day) { day.inferred = inferArrivals(day.fixes, day.visits, options); };
    if (parallel)
        QtConcurrent::blockingMap(days, one);
    else
        for (TechnicianDay &day : days)
            one(day);
}

} // namespace fieldops::field

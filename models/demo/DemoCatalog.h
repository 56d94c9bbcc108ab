#pragma once
// What the demo operation services: skills, the equipment behind each skill (models an
// integrator in São Paulo really meets), the preventive tasks, typical faults, the
// parts catalogue, and the kinds of customers with the equipment each kind owns.
#include <vector>

namespace fieldops::demo {

struct SkillInfo {
    const char *code;
    const char *name;
    int weight;                 // how often a technician's main trade is this one
    std::vector<int> affinity;  // skills a technician of this trade often also holds
};

struct EquipmentModel {
    int skill;
    const char *model;
    const char *serialPrefix;
};

struct PreventiveTask {
    int skill;
    const char *task;
    int intervalDays;
    int durationMin;
};

struct FaultRange {
    int correctiveMin, correctiveMax; // minutes, multiples of 15
    int installMin, installMax;
};

struct PartInfo {
    int skill;
    const char *sku;
    const char *name;
    double unitCost; // BRL
};

struct CustomerKind {
    const char *key;
    int weight;
    int minSites, maxSites;
    int minAssets, maxAssets; // per site
    std::vector<int> skillWeights; // indexed by skill
};

enum SkillIndex { Hvac, Electrical, Plumbing, Refrigeration, Elevators, FireSafety, Networking, Generators, SkillCount };

const std::vector<SkillInfo> &skills();
const std::vector<EquipmentModel> &equipmentModels();
const std::vector<PreventiveTask> &preventiveTasks();
const FaultRange &faultRange(int skill);
const std::vector<const char *> &faultSummaries(int skill);
const std::vector<const char *> &installSummaries(int skill);
const std::vector<const char *> &inspectionSummaries(int skill);
const std::vector<PartInfo> &parts();
const std::vector<CustomerKind> &customerKinds();

// Customers' words after a visit, by score 1–5.
const std::vector<const char *> &ratingComments(int score);

} // namespace fieldops::demo

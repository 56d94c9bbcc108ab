#include "demo/DemoCatalog.h"

#include <QtGlobal>

namespace fieldops::demo {

const std::vector<SkillInfo> &skills()
{
    static const std::vector<SkillInfo> list{
        {"hvac", "HVAC and air conditioning", 26, {Refrigeration, Electrical}},
        {"electrical", "Electrical installations", 20, {Generators, Networking}},
        {"plumbing", "Plumbing and pumps", 14, {FireSafety}},
        {"refrigeration", "Commercial refrigeration", 12, {Hvac}},
        {"elevators", "Elevators and escalators", 9, {Electrical}},
        {"fire_safety", "Fire safety systems", 8, {Plumbing, Electrical}},
        {"networking", "Networking and CCTV", 7, {Electrical}},
        {"generators", "Generators and UPS", 4, {Electrical}},
    };
    return list;
}

const std::vector<EquipmentModel> &equipmentModels()
{
    static const std::vector<EquipmentModel> list{
        {Hvac, "Carrier 40MBQ Split 60k BTU", "CAR"},
        {Hvac, "Daikin VRV IV RXYQ20", "DAI"},
        {Hvac, "Trane Chiller CGAM 070", "TRN"},
        {Hvac, "Midea Xtreme Save Hi-Wall 24k", "MID"},
        {Hvac, "LG Multi V 5 ARUM200", "LGM"},
        {Hvac, "Springer Carrier Fancoil 42BCA", "SPR"},
        {Electrical, "WEG QGBT 800 A", "WEG"},
        {Electrical, "Schneider Prisma P 1600 A", "SCH"},
        {Electrical, "Siemens SIVACON S8", "SIE"},
        {Electrical, "ABB Transformador a seco 500 kVA", "ABB"},
        {Plumbing, "Schneider Motobombas BC-92 recalque", "SMB"},
        {Plumbing, "KSB Hydrobloc P 1000", "KSB"},
        {Plumbing, "Rinnai REU 2802 aquecedor", "RIN"},
        {Plumbing, "Dancor Pressurizador CAM-W10", "DAN"},
        {Refrigeration, "Bitzer rack 4FES-5Y", "BTZ"},
        {Refrigeration, "Eletrofrio expositor vertical 3 portas", "ELF"},
        {Refrigeration, "Danfoss Optyma unidade condensadora", "DFS"},
        {Refrigeration, "Gelopar câmara fria 20 m³", "GEL"},
        {Elevators, "Atlas Schindler 3300", "ATS"},
        {Elevators, "Otis Gen2", "OTS"},
        {Elevators, "TK Elevator Synergy", "TKE"},
        {Elevators, "Atlas Schindler escada rolante 9300", "ASR"},
        {FireSafety, "Intelbras CIE 1250 central de alarme", "INT"},
        {FireSafety, "Tyco sprinkler TY-FRB rede", "TYC"},
        {FireSafety, "Jacuzzi bomba de incêndio 15 cv", "JAC"},
        {FireSafety, "Hochiki detector óptico ALN-EN", "HOC"},
        {Networking, "Cisco Catalyst 9200 48P", "CSC"},
        {Networking, "Ubiquiti UniFi Dream Machine Pro", "UBQ"},
        {Networking, "Intelbras NVD 3316 CFTV", "NVD"},
        {Networking, "Hikvision DS-7616 NVR", "HIK"},
        {Generators, "Stemac GMG 250 kVA", "STM"},
        {Generators, "Cummins C150D5", "CUM"},
        {Generators, "Heimer GEHM-180", "HMR"},
        {Generators, "SMS Nobreak Sinus Triad 10 kVA", "SMS"},
    };
    return list;
}

const std::vector<PreventiveTask> &preventiveTasks()
{
    static const std::vector<PreventiveTask> list{
        {Hvac, "PMOC: filter cleaning and coil inspection", 30, 60},
        {Hvac, "Quarterly HVAC overhaul: gas pressure and drains", 90, 120},
        {Electrical, "Thermography of switchboards", 180, 120},
        {Electrical, "Switchboard tightening and cleaning", 90, 90},
        {Plumbing, "Pump overhaul and reservoir check", 90, 90},
        {Plumbing, "Water heater descaling", 180, 75},
        {Refrigeration, "Condenser cleaning and temperature log", 30, 75},
        {Refrigeration, "Compressor oil and leak check", 90, 120},
        {Elevators, "Monthly elevator maintenance (NBR 16083)", 30, 90},
        {FireSafety, "Fire alarm and detector test", 90, 90},
        {FireSafety, "Sprinkler and fire pump test", 180, 120},
        {Networking, "CCTV and rack health check", 90, 60},
        {Generators, "Generator load test", 30, 60},
        {Generators, "UPS battery test", 90, 45},
    };
    return list;
}

const FaultRange &faultRange(int skill)
{
    static const FaultRange ranges[SkillCount] = {
        {60, 150, 180, 300},  // hvac
        {45, 150, 120, 240},  // electrical
        {45, 120, 90, 180},   // plumbing
        {90, 180, 180, 300},  // refrigeration
        {60, 180, 240, 360},  // elevators
        {45, 120, 120, 240},  // fire_safety
        {30, 120, 90, 180},   // networking
        {60, 180, 180, 300},  // generators
    };
    return ranges[skill];
}

const std::vector<const char *> &faultSummaries(int skill)
{
    static const std::vector<const char *> lists[SkillCount] = {
        {"Air conditioning not cooling", "Split unit leaking water", "Chiller tripping on high pressure",
         "Strange noise from the fan coil", "Thermostat not responding", "Ice on the evaporator"},
        {"Breaker tripping repeatedly", "No power on the second floor", "Burning smell at the switchboard",
         "Lighting circuit failed in the garage", "Voltage drop during peak hours"},
        {"Booster pump not starting", "Leak in the machine room", "No hot water from the heater",
         "Low pressure in the upper floors", "Reservoir float valve stuck"},
        {"Display case above 8 °C", "Cold room alarm", "Compressor short cycling",
         "Frozen food counter not defrosting", "Refrigerant leak suspected"},
        {"Elevator stopped between floors", "Door not closing properly", "Escalator emergency stop",
         "Elevator levelling fault", "Noise in the machine room"},
        {"Fire alarm panel in fault", "False alarm from a detector", "Fire pump pressure low",
         "Sprinkler valve leaking", "Emergency lighting failing"},
        {"Cameras offline", "Wi-Fi down in the lobby", "Switch port errors", "NVR not recording",
         "Access control reader offline"},
        {"Generator failed to start", "UPS on battery alarm", "Generator fuel leak",
         "Automatic transfer switch fault", "UPS battery swollen"},
    };
    return lists[skill];
}

const std::vector<const char *> &installSummaries(int skill)
{
    static const std::vector<const char *> lists[SkillCount] = {
        {"Install new split unit", "Replace fan coil"},
        {"Install new circuit for kitchen", "Replace main breaker"},
        {"Install pressure booster", "Replace water heater"},
        {"Install new display case", "Replace condensing unit"},
        {"Modernise elevator controller", "Replace door operator"},
        {"Install new detectors", "Replace fire alarm panel"},
        {"Install new cameras", "Install access point"},
        {"Install automatic transfer switch", "Replace UPS batteries"},
    };
    return lists[skill];
}

const std::vector<const char *> &inspectionSummaries(int skill)
{
    static const std::vector<const char *> lists[SkillCount] = {
        {"Air quality inspection (PMOC)", "Pre-summer HVAC inspection"},
        {"NR-10 electrical inspection", "Grounding measurement"},
        {"Water tank inspection", "Hydraulic pressure survey"},
        {"Cold chain audit", "Refrigeration energy audit"},
        {"Annual elevator inspection (RIA)", "Cable and brake inspection"},
        {"AVCB fire certificate inspection", "Extinguisher and hose inspection"},
        {"Network survey", "CCTV coverage survey"},
        {"Generator autonomy survey", "UPS capacity survey"},
    };
    return lists[skill];
}

const std::vector<PartInfo> &parts()
{
    static const std::vector<PartInfo> list{
        {Hvac, "HV-FLT-G4", "Filtro G4 para fancoil", 38.90},
        {Hvac, "HV-CAP-35", "Capacitor 35 µF", 42.00},
        {Hvac, "HV-GAS-R410", "Gás R-410A cilindro 11,3 kg", 890.00},
        {Hvac, "HV-MOT-VENT", "Motor ventilador condensadora", 420.00},
        {Hvac, "HV-TERM-DIG", "Termostato digital", 265.00},
        {Electrical, "EL-DISJ-3P63", "Disjuntor tripolar 63 A", 189.00},
        {Electrical, "EL-DR-40", "Interruptor DR 40 A", 215.00},
        {Electrical, "EL-CONT-40", "Contator 40 A", 310.00},
        {Electrical, "EL-CABO-10", "Cabo flexível 10 mm² (m)", 14.50},
        {Electrical, "EL-DPS-275", "DPS 275 V 20 kA", 79.00},
        {Plumbing, "PL-SELO-MEC", "Selo mecânico bomba", 145.00},
        {Plumbing, "PL-BOIA-ELE", "Boia elétrica de nível", 89.00},
        {Plumbing, "PL-VALV-RET", "Válvula de retenção 2\"", 160.00},
        {Plumbing, "PL-PRESS-SW", "Pressostato", 120.00},
        {Refrigeration, "RF-GAS-R404", "Gás R-404A cilindro 10,9 kg", 980.00},
        {Refrigeration, "RF-VALV-EXP", "Válvula de expansão termostática", 520.00},
        {Refrigeration, "RF-FILT-SEC", "Filtro secador", 75.00},
        {Refrigeration, "RF-RES-DEG", "Resistência de degelo", 140.00},
        {Elevators, "EV-BOT-CAB", "Botoeira de cabina", 340.00},
        {Elevators, "EV-SENS-PORT", "Cortina de luz da porta", 1250.00},
        {Elevators, "EV-CABO-ACO", "Cabo de aço 8 mm (m)", 32.00},
        {Elevators, "EV-PLACA-CTRL", "Placa de comando", 3900.00},
        {FireSafety, "FS-DET-FUM", "Detector de fumaça óptico", 165.00},
        {FireSafety, "FS-BICO-SPK", "Bico de sprinkler 68 °C", 48.00},
        {FireSafety, "FS-BAT-12V", "Bateria 12 V 7 Ah", 98.00},
        {FireSafety, "FS-ACION-MAN", "Acionador manual", 120.00},
        {Networking, "NW-CAM-IP", "Câmera IP bullet 4 MP", 480.00},
        {Networking, "NW-HD-4TB", "HD 4 TB para NVR", 690.00},
        {Networking, "NW-SFP-1G", "Módulo SFP 1 Gb", 130.00},
        {Networking, "NW-PATCH-C6", "Patch cord Cat6 1,5 m", 18.00},
        {Generators, "GN-FILT-OLEO", "Filtro de óleo gerador", 85.00},
        {Generators, "GN-BAT-150", "Bateria de partida 150 Ah", 890.00},
        {Generators, "GN-BAT-UPS", "Bateria VRLA 12 V 9 Ah", 135.00},
        {Generators, "GN-CORREIA", "Correia do alternador", 110.00},
    };
    return list;
}

const std::vector<CustomerKind> &customerKinds()
{
    //                                    hvac elec plmb refr elev fire netw gen
    static const std::vector<CustomerKind> list{
        {"condominium", 34, 1, 1, 2, 5, {2, 3, 5, 0, 6, 4, 2, 1}},
        {"office", 15, 1, 2, 2, 6, {6, 3, 1, 0, 4, 2, 3, 1}},
        {"supermarket", 10, 1, 5, 3, 7, {3, 2, 1, 8, 0, 1, 1, 2}},
        {"hospital", 5, 1, 2, 4, 9, {5, 3, 2, 2, 2, 2, 2, 3}},
        {"school", 7, 1, 1, 1, 4, {3, 3, 2, 0, 1, 3, 2, 0}},
        {"hotel", 4, 1, 2, 3, 7, {5, 2, 3, 1, 3, 2, 2, 1}},
        {"restaurant", 8, 1, 3, 1, 3, {3, 2, 1, 5, 0, 1, 0, 0}},
        {"shopping", 2, 1, 1, 5, 10, {5, 3, 1, 1, 4, 3, 2, 2}},
        {"pharmacy", 6, 2, 6, 1, 2, {4, 2, 0, 3, 0, 0, 1, 0}},
        {"gym", 4, 1, 3, 1, 3, {6, 2, 2, 0, 0, 1, 1, 0}},
        {"industry", 4, 1, 2, 2, 6, {3, 6, 2, 2, 0, 2, 1, 3}},
        {"datacenter", 1, 1, 1, 4, 8, {6, 4, 0, 0, 0, 3, 4, 5}},
    };
    return list;
}

const std::vector<const char *> &ratingComments(int score)
{
    static const std::vector<const char *> lists[5] = {
        {"Técnico chegou muito atrasado e não resolveu o problema.", "Péssimo atendimento, tivemos que chamar de novo.",
         "Deixou sujeira na casa de máquinas."},
        {"Demorou bastante e o problema voltou no dia seguinte.", "Atendimento fraco, faltou peça.",
         "Não avisou do atraso."},
        {"Resolveu, mas demorou mais que o previsto.", "Atendimento ok.", "Precisou de uma segunda visita."},
        {"Bom atendimento, resolveu o problema.", "Técnico educado e pontual.", "Serviço bem feito."},
        {"Excelente! Muito atencioso e rápido.", "Resolveu na hora, explicou tudo. Nota 10!",
         "Técnico muito profissional, deixou tudo limpo.", "Super recomendo, atendimento impecável."},
    };
    return lists[qBound(1, score, 5) - 1];
}

} // namespace fieldops::demo

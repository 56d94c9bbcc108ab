<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConditionRuleStore</name>
    <message numerus="yes">
        <source>rule %1 has already opened work (%n episode(s)); make it inactive instead</source>
        <translation>
            <numerusform>rule %1 has already opened work (%n episode); make it inactive instead</numerusform>
            <numerusform>rule %1 has already opened work (%n episodes); make it inactive instead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message numerus="yes">
        <source>%n technician(s) predicted late</source>
        <translation>
            <numerusform>%n technician predicted late</numerusform>
            <numerusform>%n technicians predicted late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no free slot for this technician in the next %n day(s)</source>
        <translation>
            <numerusform>no free slot for this technician in the next %n day</numerusform>
            <numerusform>no free slot for this technician in the next %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message numerus="yes">
        <source>%1 · covers %n visit(s)</source>
        <translation>
            <numerusform>%1 · covers %n visit</numerusform>
            <numerusform>%1 · covers %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Optimize %1: %n visit(s)</source>
        <translation>
            <numerusform>Optimize %1: %n visit</numerusform>
            <numerusform>Optimize %1: %n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n preventive work order(s)</source>
        <translation>
            <numerusform>Generate %n preventive work order</numerusform>
            <numerusform>Generate %n preventive work orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserReport</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationReport</name>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n violation</numerusform>
            <numerusform>%n violations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message numerus="yes">
        <source>the arrival is more than %n hour(s) before the visit&apos;s start</source>
        <translation>
            <numerusform>the arrival is more than %n hour before the visit&apos;s start</numerusform>
            <numerusform>the arrival is more than %n hours before the visit&apos;s start</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Created %n preventive work order(s).</source>
        <translation>
            <numerusform>Created %n preventive work order.</numerusform>
            <numerusform>Created %n preventive work orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Levelling moved %n occurrence(s):</source>
        <translation>
            <numerusform>Levelling moved %n occurrence:</numerusform>
            <numerusform>Levelling moved %n occurrences:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n occurrence(s):</source>
        <translation>
            <numerusform>Skipped %n occurrence:</numerusform>
            <numerusform>Skipped %n occurrences:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would create %n preventive work order(s) (dry run: nothing written).</source>
        <translation>
            <numerusform>Would create %n preventive work order (dry run: nothing written).</numerusform>
            <numerusform>Would create %n preventive work orders (dry run: nothing written).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 would be removed (dry run: nothing removed)</source>
        <translation>
            <numerusform>%n raw reading before %1 would be removed (dry run: nothing removed)</numerusform>
            <numerusform>%n raw readings before %1 would be removed (dry run: nothing removed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 removed; their hourly sums kept</source>
        <translation>
            <numerusform>%n raw reading before %1 removed; their hourly sums kept</numerusform>
            <numerusform>%n raw readings before %1 removed; their hourly sums kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked visits moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</source>
        <translation>
            <numerusform>Booked visit moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</numerusform>
            <numerusform>Booked visits moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outbox row(s) removed</source>
        <translation>
            <numerusform>%n outbox row removed</numerusform>
            <numerusform>%n outbox rows removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::AlertListModel</name>
    <message numerus="yes">
        <source>%1 expected %n min late for %2 · starts %3, arrives about %4</source>
        <translation>
            <numerusform>%1 expected %n min late for %2 · starts %3, arrives about %4</numerusform>
            <numerusform>%1 expected %n min late for %2 · starts %3, arrives about %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::CapacityTableModel</name>
    <message numerus="yes">
        <source>Free: %1 h of %n technician(s) holding the skills, after absences and bookings</source>
        <translation>
            <numerusform>Free: %1 h of %n technician holding the skills, after absences and bookings</numerusform>
            <numerusform>Free: %1 h of %n technicians holding the skills, after absences and bookings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New preventive work: %1 h in %n visit(s)</source>
        <translation>
            <numerusform>New preventive work: %1 h in %n visit</numerusform>
            <numerusform>New preventive work: %1 h in %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::conditions::ConditionWatch</name>
    <message numerus="yes">
        <source>Every %n minute(s).</source>
        <translation>
            <numerusform>Every %n minute.</numerusform>
            <numerusform>Every %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last evaluated %1 (UTC): %n rule(s)</source>
        <translation>
            <numerusform>Last evaluated %1 (UTC): %n rule</numerusform>
            <numerusform>Last evaluated %1 (UTC): %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) opened</source>
        <translation>
            <numerusform>%n work order opened</numerusform>
            <numerusform>%n work orders opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s) still breached</source>
        <translation>
            <numerusform>%n episode still breached</numerusform>
            <numerusform>%n episodes still breached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleared.</source>
        <translation>
            <numerusform>%n cleared.</numerusform>
            <numerusform>%n cleared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::contracts::ContractListModel</name>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Ends in %n day</numerusform>
            <numerusform>Ends in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s), renewed</source>
        <translation>
            <numerusform>Ends in %n day, renewed</numerusform>
            <numerusform>Ends in %n days, renewed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MainWindow</name>
    <message numerus="yes">
        <source>Message sent to %n technician(s).</source>
        <translation>
            <numerusform>Message sent to %n technician.</numerusform>
            <numerusform>Message sent to %n technicians.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::OptimizeController</name>
    <message numerus="yes">
        <source>Booked %n visit(s). Undo (Ctrl+Z) takes them all back.</source>
        <translation>
            <numerusform>Booked %n visit. Undo (Ctrl+Z) takes it back.</numerusform>
            <numerusform>Booked %n visits. Undo (Ctrl+Z) takes them all back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n proposed visit(s) for %1.</source>
        <translation>
            <numerusform>Booked %n proposed visit for %1.</numerusform>
            <numerusform>Booked %n proposed visits for %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-plan %1: %n new visit(s), %2 moved</source>
        <translation>
            <numerusform>Re-plan %1: %n new visit, %2 moved</numerusform>
            <numerusform>Re-plan %1: %n new visits, %2 moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n new visit(s) and moved %1. Undo (Ctrl+Z) takes it all back.</source>
        <translation>
            <numerusform>Booked %n new visit and moved %1. Undo (Ctrl+Z) takes it all back.</numerusform>
            <numerusform>Booked %n new visits and moved %1. Undo (Ctrl+Z) takes it all back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-planned %1: %n new visit(s), %2 moved.</source>
        <translation>
            <numerusform>Re-planned %1: %n new visit, %2 moved.</numerusform>
            <numerusform>Re-planned %1: %n new visits, %2 moved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CapacityPreviewPanel</name>
    <message numerus="yes">
        <source>%1 week(s) × territory overloaded as due; %2 after levelling with %n move(s).</source>
        <translation>
            <numerusform>%1 week(s) × territory overloaded as due; %2 after levelling with %n move.</numerusform>
            <numerusform>%1 week(s) × territory overloaded as due; %2 after levelling with %n moves.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConflictsPanel</name>
    <message numerus="yes">
        <source>%n conflict(s) in the horizon</source>
        <translation>
            <numerusform>%n conflict in the horizon</numerusform>
            <numerusform>%n conflicts in the horizon</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConsumptionPanel</name>
    <message numerus="yes">
        <source>%1 used on %n line(s), %2 at cost; %3</source>
        <translation>
            <numerusform>%1 used on %n line, %2 at cost; %3</numerusform>
            <numerusform>%1 used on %n lines, %2 at cost; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n line(s) of parts without a unit cost)</source>
        <translation>
            <numerusform>(%n line of parts without a unit cost)</numerusform>
            <numerusform>(%n lines of parts without a unit cost)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::GeneratePmDialog</name>
    <message numerus="yes">
        <source>Created %n preventive work order(s); they wait in the unassigned queue.</source>
        <translation>
            <numerusform>Created %n preventive work order; they wait in the unassigned queue.</numerusform>
            <numerusform>Created %n preventive work orders; they wait in the unassigned queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generating would create %n work order(s) (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</source>
        <translation>
            <numerusform>Generating would create %n work order (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</numerusform>
            <numerusform>Generating would create %n work orders (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiDrillDown</name>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiProactivePanel</name>
    <message numerus="yes">
        <source>%1 of %n work order(s) created in the period</source>
        <translation>
            <numerusform>%1 of %n work order created in the period</numerusform>
            <numerusform>%1 of %n work orders created in the period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrective work order(s)</source>
        <translation>
            <numerusform>%n corrective work order</numerusform>
            <numerusform>%n corrective work orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MapView</name>
    <message numerus="yes">
        <source>%n job(s): click to zoom in</source>
        <translation>
            <numerusform>%n job: click to zoom in</numerusform>
            <numerusform>%n jobs: click to zoom in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expected %n minute(s) late for the next visit</source>
        <translation>
            <numerusform>expected %n minute late for the next visit</numerusform>
            <numerusform>expected %n minutes late for the next visit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::OptimizePanel</name>
    <message numerus="yes">
        <source>%n visit(s) proposed. Accept books them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n visit proposed. Accept books it; Discard drops it.</numerusform>
            <numerusform>%n visits proposed. Accept books them as one step; Discard drops them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new visit(s) and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n new visit and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</numerusform>
            <numerusform>%n new visits and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PlanEditor</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RenewContractDialog</name>
    <message numerus="yes">
        <source>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan(s), moved to the new dates. It is one step on the undo stack.</source>
        <translation>
            <numerusform>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan, moved to the new dates. It is one step on the undo stack.</numerusform>
            <numerusform>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plans, moved to the new dates. It is one step on the undo stack.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ScheduleBoard</name>
    <message numerus="yes">
        <source>Travel before: %n min</source>
        <translation>
            <numerusform>Travel before: %n min</numerusform>
            <numerusform>Travel before: %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>interchange</name>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(and %n more problem)</numerusform>
            <numerusform>(and %n more problems)</numerusform>
        </translation>
    </message>
</context>
</TS>

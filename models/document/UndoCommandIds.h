#pragma once
// Every QUndoCommand id of the console in one enum (the README's developers' section), so mergeWith() never
// confuses two kinds of command. -1 (Qt's "no merging") stays unused here.
namespace fieldops {

enum class UndoCommandId : int {
    MoveAppointment = 1, // drag on the board: consecutive moves of one drag merge
    ResizeAppointment,
    AssignWorkOrder,
    UnassignAppointment,
    ChangeWorkOrderStatus,
    ChangeAppointmentStatus,
    LockAppointment,
    NudgeAppointments, // arrow keys on the board: consecutive nudges of one selection merge
    BookDayPlan,       // "Optimize day": every proposed visit of one plan, one step
    RepairDay,         // a repair of the day: every move of the chosen option, one step
};

} // namespace fieldops

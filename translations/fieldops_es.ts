<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AbsenceRules</name>
    <message>
        <source>Vacation</source>
        <translation>Vacaciones</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Baja por enfermedad</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formación</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>the absence belongs to a technician</source>
        <translation>la ausencia pertenece a un técnico</translation>
    </message>
    <message>
        <source>when does the absence start?</source>
        <translation>¿cuándo empieza la ausencia?</translation>
    </message>
    <message>
        <source>when does the absence end?</source>
        <translation>¿cuándo termina la ausencia?</translation>
    </message>
    <message>
        <source>the absence must end after it starts (%1)</source>
        <translation>la ausencia debe terminar después de empezar (%1)</translation>
    </message>
    <message>
        <source>keep the reason to %1 characters (it has %2)</source>
        <translation>limite el motivo a %1 caracteres (tiene %2)</translation>
    </message>
    <message>
        <source>overlaps the absence from %1 to %2%3</source>
        <translation>se solapa con la ausencia del %1 al %2%3</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot;</source>
        <translation>técnico desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>absence %1 no longer exists</source>
        <translation>la ausencia %1 ya no existe</translation>
    </message>
    <message>
        <source>visit %1 is no longer booked during this absence; look at the list again</source>
        <translation>la visita %1 ya no está reservada durante esta ausencia; vuelva a consultar la lista</translation>
    </message>
</context>
<context>
    <name>AlertEdits</name>
    <message>
        <source>alert_key: this alert cannot be dismissed</source>
        <translation>alert_key: esta alerta no se puede descartar</translation>
    </message>
    <message>
        <source>reason: say why the alert is dismissed</source>
        <translation>reason: indique por qué se descarta la alerta</translation>
    </message>
    <message>
        <source>reason: the reason is longer than %1 characters</source>
        <translation>reason: el motivo tiene más de %1 caracteres</translation>
    </message>
    <message>
        <source>alert_key: the alert was dismissed already</source>
        <translation>alert_key: la alerta ya se descartó</translation>
    </message>
</context>
<context>
    <name>AlertRules</name>
    <message>
        <source>SLA due soon within</source>
        <translation>SLA vence pronto dentro de</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>Late after the start by more than</source>
        <translation>Tarde tras el inicio en más de</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Missed starts and silences stay alerts for</source>
        <translation>Inicios perdidos y silencios siguen siendo alertas durante</translation>
    </message>
    <message>
        <source>Overrunning after its planned length by</source>
        <translation>Excediendo la duración prevista en</translation>
    </message>
    <message>
        <source>Technician on shift without a position for</source>
        <translation>Técnico en turno sin posición durante</translation>
    </message>
    <message>
        <source>Unresolved visits with nothing booked, from the last</source>
        <translation>Visitas no resueltas sin nada reservado, de los últimos</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>%1: %2 is not from %3 to %4</source>
        <translation>%1: %2 no está entre %3 y %4</translation>
    </message>
</context>
<context>
    <name>AppointmentWriter</name>
    <message>
        <source>appointment %1 was changed by someone else; it was reloaded and nothing was undone</source>
        <translation>otra persona ha modificado la cita %1; se ha recargado y no se ha deshecho nada</translation>
    </message>
    <message>
        <source>appointment %1 no longer exists</source>
        <translation>la cita %1 ya no existe</translation>
    </message>
    <message>
        <source>appointment %1 was changed by someone else in the meantime; it was reloaded</source>
        <translation>otra persona ha modificado la cita %1 mientras tanto; se ha recargado</translation>
    </message>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>la orden de trabajo %1 ya no existe</translation>
    </message>
</context>
<context>
    <name>AssetHealth</name>
    <message>
        <source>%1 %2, limit %3 %4 for %5 min</source>
        <translation>%1 %2, límite %3 %4 durante %5 min</translation>
    </message>
    <message>
        <source>above</source>
        <translation>por encima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>por debajo de</translation>
    </message>
    <message>
        <source>%1 changing %2 per hour, limit %3</source>
        <translation>%1 varía %2 por hora, límite %3</translation>
    </message>
    <message>
        <source>%1: %2 used of %3</source>
        <translation>%1: %2 usados de %3</translation>
    </message>
    <message>
        <source>%1 %2 standard deviations from its usual, band %3</source>
        <translation>%1 a %2 desviaciones estándar de lo habitual, banda %3</translation>
    </message>
    <message>
        <source>breached: </source>
        <translation>incumplimiento: </translation>
    </message>
    <message>
        <source>beyond, not yet for long enough: </source>
        <translation>fuera del límite, aún no durante el tiempo suficiente: </translation>
    </message>
    <message>
        <source>no recent readings</source>
        <translation>no hay lecturas recientes</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>no existe el equipo %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
</context>
<context>
    <name>AssignWorkOrderCommand</name>
    <message>
        <source>%1 is inactive and gets no new work; reactivate them on the Technicians tab first</source>
        <translation>%1 está inactivo y no recibe trabajo nuevo; reactívelo antes en la pestaña Técnicos</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>orden de trabajo</translation>
    </message>
    <message>
        <source>required skill</source>
        <translation>competencia requerida</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>valoración</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>ausencia</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>site</source>
        <translation>emplazamiento</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>objetivo de KPI</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plan de mantenimiento</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>llegada</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumen</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioridad</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duración</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>inicio de la franja</translation>
    </message>
    <message>
        <source>window end</source>
        <translation>fin de la franja</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>vencimiento del SLA</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creación</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>competencia</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>rated at</source>
        <translation>fecha de valoración</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <source>amber threshold</source>
        <translation>umbral ámbar</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>zona</translation>
    </message>
    <message>
        <source>response time</source>
        <translation>tiempo de respuesta</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>cobertura</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>home latitude</source>
        <translation>latitud del domicilio</translation>
    </message>
    <message>
        <source>home longitude</source>
        <translation>longitud del domicilio</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>días laborables</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>en camino</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>en el emplazamiento</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>BillingCalculator</name>
    <message>
        <source>no rate</source>
        <translation>sin tarifa</translation>
    </message>
    <message>
        <source>parts included</source>
        <translation>piezas incluidas</translation>
    </message>
    <message>
        <source>no unit cost</source>
        <translation>sin coste unitario</translation>
    </message>
</context>
<context>
    <name>BillingExport</name>
    <message>
        <source>--out: %1 is not a directory</source>
        <translation>--out: %1 no es un directorio</translation>
    </message>
    <message>
        <source>--out: %1 cannot be created</source>
        <translation>--out: no se puede crear %1</translation>
    </message>
    <message>
        <source>--out: %1 is not writable</source>
        <translation>--out: no se puede escribir en %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>BillingStatement</name>
    <message>
        <source>Work orders without a contract</source>
        <translation>Órdenes de trabajo sin contrato</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>Contrato %1</translation>
    </message>
    <message>
        <source>Contract %1 — %2</source>
        <translation>Contrato %1 — %2</translation>
    </message>
    <message>
        <source>Approved billable hours</source>
        <translation>Horas facturables aprobadas</translation>
    </message>
    <message>
        <source>Hours included in the period</source>
        <translation>Horas incluidas en el período</translation>
    </message>
    <message>
        <source>Hours beyond the included hours</source>
        <translation>Horas que exceden las incluidas</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Tarifa por hora</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>Cuota fija</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4</source>
        <translation>%1 %2, %3: %4</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>No time or parts billed in the period.</source>
        <translation>No se ha facturado tiempo ni piezas en el período.</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Total for the customer: %1</source>
        <translation>Total para el cliente: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>Extracto de %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (UTC days)</source>
        <translation>Período: del %1 al %2 (días UTC)</translation>
    </message>
    <message>
        <source>Time entries awaiting review, not billed: %1</source>
        <translation>Registros de horas pendientes de revisión, no facturados: %1</translation>
    </message>
    <message>
        <source>Nothing to bill from %1 to %2.</source>
        <translation>Nada que facturar del %1 al %2.</translation>
    </message>
    <message>
        <source>Billing %1 to %2</source>
        <translation>Facturación del %1 al %2</translation>
    </message>
</context>
<context>
    <name>BoardLoader</name>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>la orden de trabajo %1 ya no existe</translation>
    </message>
</context>
<context>
    <name>BookDayPlanCommand</name>
    <message>
        <source>The schedule changed since this day was optimized: nothing was booked.</source>
        <translation>La planificación ha cambiado desde que se optimizó este día: no se ha reservado nada.</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was booked.</source>
        <translation>La orden de trabajo %1 ya no está abierta: no se ha reservado nada.</translation>
    </message>
</context>
<context>
    <name>ConditionEvaluation</name>
    <message>
        <source>above</source>
        <translation>por encima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>por debajo de</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 durante %4 min</translation>
    </message>
    <message>
        <source>%1 changing by %2 per hour over %3 min, %4 the limit of %5 per hour</source>
        <translation>%1 varía %2 por hora durante %3 min, %4 un límite de %5 por hora</translation>
    </message>
    <message>
        <source>%1 used %2 since the last preventive or proactive visit (interval %3)</source>
        <translation>%1 ha usado %2 desde la última visita preventiva o proactiva (intervalo %3)</translation>
    </message>
    <message>
        <source>%1 outside its usual band (mean ± %2 standard deviations of the same hour of the week over %3 weeks) for %4 min</source>
        <translation>%1 fuera de su banda habitual (media ± %2 desviaciones estándar de la misma hora de la semana durante %3 semanas) durante %4 min</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>another session</source>
        <translation>otra sesión</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>episode %1 of rule %2 was changed by another evaluation</source>
        <translation>otra evaluación ha modificado el episodio %1 de la regla %2</translation>
    </message>
    <message>
        <source>Opened by condition rule %1%2: %3.
Readings: %4.</source>
        <translation>Abierta por la regla de condición %1%2: %3.
Lecturas: %4.</translation>
    </message>
    <message>
        <source>rule %1 on asset %2: the work order is refused: %3</source>
        <translation>regla %1 en el equipo %2: se rechaza la orden de trabajo: %3</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>otra consola</translation>
    </message>
</context>
<context>
    <name>ConditionRuleStore</name>
    <message>
        <source>unknown key</source>
        <translation>clave desconocida</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>debe ser una cadena</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>one of asset_id and asset_model is required</source>
        <translation>se requiere asset_id o asset_model</translation>
    </message>
    <message>
        <source>give asset_id or asset_model, not both</source>
        <translation>indique asset_id o asset_model, no ambos</translation>
    </message>
    <message>
        <source>is required (threshold, rate, usage or anomaly)</source>
        <translation>es obligatorio (threshold, rate, usage o anomaly)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not threshold, rate, usage or anomaly</source>
        <translation>&quot;%1&quot; no es threshold, rate, usage ni anomaly</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>a usage rule counts runtime_hours or cycles</source>
        <translation>una regla usage cuenta runtime_hours o cycles</translation>
    </message>
    <message>
        <source>is no parameter of a %1 rule</source>
        <translation>no es un parámetro de una regla %1</translation>
    </message>
    <message>
        <source>is required for a %1 rule</source>
        <translation>es obligatorio para una regla %1</translation>
    </message>
    <message>
        <source>must be above or below</source>
        <translation>debe ser above o below</translation>
    </message>
    <message>
        <source>must be from 1 to 1440</source>
        <translation>debe estar entre 1 y 1440</translation>
    </message>
    <message>
        <source>must be from 2 to 1440</source>
        <translation>debe estar entre 2 y 1440</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>debe ser mayor que 0</translation>
    </message>
    <message>
        <source>must be from %1 to 52</source>
        <translation>debe estar entre %1 y 52</translation>
    </message>
    <message>
        <source>is required: the work order&apos;s summary</source>
        <translation>es obligatorio: el resumen de la orden de trabajo</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>debe ser uno de %1</translation>
    </message>
    <message>
        <source>must be skill codes</source>
        <translation>deben ser códigos de competencia</translation>
    </message>
    <message>
        <source>must be a &apos;;&apos; list or an array of skill codes</source>
        <translation>debe ser una lista separada por &apos;;&apos; o una matriz de códigos de competencia</translation>
    </message>
    <message>
        <source>must be from 1 to 4</source>
        <translation>debe estar entre 1 y 4</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>rule %1 already exists</source>
        <translation>la regla %1 ya existe</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>no existe el equipo %1</translation>
    </message>
    <message>
        <source>no asset has the model %1</source>
        <translation>ningún equipo tiene el modelo %1</translation>
    </message>
    <message>
        <source>unknown skill %1</source>
        <translation>competencia desconocida %1</translation>
    </message>
    <message numerus="yes">
        <source>rule %1 has already opened work (%n episode(s)); make it inactive instead</source>
        <translation>
            <numerusform>la regla %1 ya ha abierto trabajo (%n episodio); desactívela en su lugar</numerusform>
            <numerusform>la regla %1 ya ha abierto trabajo (%n episodios); desactívela en su lugar</numerusform>
        </translation>
    </message>
    <message>
        <source>rule %1 was changed or removed by someone else</source>
        <translation>otra persona ha modificado o eliminado la regla %1</translation>
    </message>
    <message>
        <source>a rule&apos;s id cannot change (%1)</source>
        <translation>el id de una regla no puede cambiar (%1)</translation>
    </message>
    <message>
        <source>no condition rule %1</source>
        <translation>no hay ninguna regla de condición %1</translation>
    </message>
    <message>
        <source>rule %1 was removed by someone else meanwhile</source>
        <translation>otra persona eliminó la regla %1 mientras tanto</translation>
    </message>
    <message>
        <source>rule %1 was changed by someone else meanwhile (version %2, not %3); read it again</source>
        <translation>otra persona cambió la regla %1 mientras tanto (versión %2, no %3); vuelva a leerla</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) overlap: double booking (%5)</source>
        <translation>%1 (%2) y %3 (%4) se solapan: doble reserva (%5)</translation>
    </message>
    <message>
        <source>%1 between the end of %2 and the start of %3, but travel takes %4</source>
        <translation>%1 entre el fin de %2 y el inicio de %3, pero el desplazamiento requiere %4</translation>
    </message>
    <message>
        <source>%1 starts %2 before %3 ends, and travel takes %4</source>
        <translation>%1 empieza %2 antes de que termine %3, y el desplazamiento requiere %4</translation>
    </message>
    <message>
        <source>%1 falls on a day off (%2, %3)</source>
        <translation>%1 cae en un día libre (%2, %3)</translation>
    </message>
    <message>
        <source>%1 is not inside the shift %2 (%3)</source>
        <translation>%1 no está dentro del turno %2 (%3)</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1 and %2 more</source>
        <translation>coincide con la ausencia del técnico %1 y %2 más</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1</source>
        <translation>coincide con la ausencia del técnico %1</translation>
    </message>
    <message>
        <source>the technician lacks the skill(s) %1 that %2 requires</source>
        <translation>el técnico no tiene las competencias %1 que requiere %2</translation>
    </message>
    <message>
        <source>starts %1, before the window opens %2</source>
        <translation>empieza %1, antes de que se abra la franja %2</translation>
    </message>
    <message>
        <source>ends %1, after the window closes %2</source>
        <translation>termina %1, después de que se cierre la franja %2</translation>
    </message>
    <message>
        <source>ends %1, %2 after the SLA of %3 is due (%4, %5)</source>
        <translation>termina %1, %2 después del vencimiento del SLA de %3 (%4, %5)</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>el servidor no ha indicado qué puede hacer este usuario</translation>
    </message>
    <message>
        <source>%1 is the field gateway&apos;s login (role field): it may only call the gateway&apos;s server functions and cannot open the console; connect as a dispatcher, planner, manager or admin</source>
        <translation>%1 es el usuario del gateway de campo (rol field): solo puede llamar a las funciones del gateway en el servidor y no puede abrir la consola; conéctese como coordinador, planificador, gerente o administrador</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>not connected to a database</source>
        <translation>sin conexión a una base de datos</translation>
    </message>
</context>
<context>
    <name>ContractPage</name>
    <message>
        <source>contract %1 does not exist</source>
        <translation>el contrato %1 no existe</translation>
    </message>
</context>
<context>
    <name>ContractRules</name>
    <message>
        <source>give %1</source>
        <translation>indique %1</translation>
    </message>
    <message>
        <source>%1 is a whole number from %2 to %3</source>
        <translation>%1 es un número entero entre %2 y %3</translation>
    </message>
    <message>
        <source>%1 is an amount of zero or more</source>
        <translation>%1 es un importe igual o mayor que cero</translation>
    </message>
    <message>
        <source>coverage is 24x7 or business_hours, not &quot;%1&quot;</source>
        <translation>la cobertura es 24x7 o business_hours, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>business hours need at least one covered day</source>
        <translation>el horario laboral necesita al menos un día cubierto</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>&quot;%1&quot; no es un día (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</translation>
    </message>
    <message>
        <source>opening time is HH:MM, e.g. 08:00</source>
        <translation>la hora de apertura tiene el formato HH:MM, p. ej., 08:00</translation>
    </message>
    <message>
        <source>closing time is HH:MM, e.g. 18:00 (24:00 for midnight)</source>
        <translation>la hora de cierre tiene el formato HH:MM, p. ej., 18:00 (24:00 para medianoche)</translation>
    </message>
    <message>
        <source>closing time must be after the opening time %1</source>
        <translation>la hora de cierre debe ser posterior a la hora de apertura %1</translation>
    </message>
    <message>
        <source>choose the customer the contract is with</source>
        <translation>elija el cliente con el que se firma el contrato</translation>
    </message>
    <message>
        <source>give the contract a name planners and dispatchers recognise, e.g. &quot;Gold 24×7&quot;</source>
        <translation>dé al contrato un nombre que reconozcan los planificadores y coordinadores, p. ej., &quot;Oro 24×7&quot;</translation>
    </message>
    <message>
        <source>the first day is a date YYYY-MM-DD</source>
        <translation>el primer día es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the last day is a date YYYY-MM-DD</source>
        <translation>el último día es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the contract cannot end before it starts (%1)</source>
        <translation>el contrato no puede terminar antes de empezar (%1)</translation>
    </message>
    <message>
        <source>the response time in hours</source>
        <translation>el tiempo de respuesta en horas</translation>
    </message>
    <message>
        <source>the resolution time in hours</source>
        <translation>el tiempo de resolución en horas</translation>
    </message>
    <message>
        <source>resolving cannot take less time than responding (%1 h)</source>
        <translation>la resolución no puede durar menos que la respuesta (%1 h)</translation>
    </message>
    <message>
        <source>the fixed fee</source>
        <translation>la cuota fija</translation>
    </message>
    <message>
        <source>included hours</source>
        <translation>horas incluidas</translation>
    </message>
    <message>
        <source>the hourly rate</source>
        <translation>la tarifa por hora</translation>
    </message>
    <message>
        <source>the fee is per month, quarter or year</source>
        <translation>la cuota es mensual, trimestral o anual</translation>
    </message>
    <message>
        <source>a contract cannot renew itself</source>
        <translation>un contrato no puede renovarse a sí mismo</translation>
    </message>
    <message>
        <source>a plan belongs to a contract</source>
        <translation>un plan pertenece a un contrato</translation>
    </message>
    <message>
        <source>say what the visit does, e.g. &quot;Quarterly filter change&quot;</source>
        <translation>indique qué se hace en la visita, p. ej., &quot;Cambio trimestral de filtros&quot;</translation>
    </message>
    <message>
        <source>the interval in days</source>
        <translation>el intervalo en días</translation>
    </message>
    <message>
        <source>the visit&apos;s length in minutes</source>
        <translation>la duración de la visita en minutos</translation>
    </message>
    <message>
        <source>the lead time in days</source>
        <translation>la antelación en días</translation>
    </message>
    <message>
        <source>the first occurrence is a date YYYY-MM-DD</source>
        <translation>la primera repetición es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>not a recurrence, e.g. &quot;every 1 months on last Fri&quot;</source>
        <translation>no es una recurrencia, p. ej., &quot;every 1 months on last Fri&quot;</translation>
    </message>
    <message>
        <source>months are numbers 1 to 12, e.g. 4;5;6</source>
        <translation>los meses son números del 1 al 12, p. ej., 4;5;6</translation>
    </message>
    <message>
        <source>the preferred start is HH:MM, e.g. 09:00</source>
        <translation>el inicio preferido tiene el formato HH:MM, p. ej., 09:00</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 ya está en uso: los identificadores son únicos</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>site %1 is not a site of customer %2</source>
        <translation>el emplazamiento %1 no es un emplazamiento del cliente %2</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of customer %2</source>
        <translation>el equipo %1 no está en un emplazamiento del cliente %2</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>zona desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>contrato desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of the contract&apos;s customer</source>
        <translation>el equipo %1 no está en un emplazamiento del cliente del contrato</translation>
    </message>
    <message>
        <source>unknown skill &quot;%1&quot;</source>
        <translation>competencia desconocida &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ContractsView</name>
    <message>
        <source>Your role may read contracts and plans but not change them.</source>
        <translation>Su rol puede consultar contratos y planes, pero no modificarlos.</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>customer %1 does not exist</source>
        <translation>el cliente %1 no existe</translation>
    </message>
</context>
<context>
    <name>CustomerRules</name>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>&quot;%1&quot; no es una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>a phone number has digits, spaces and + ( ) - . / only</source>
        <translation>un número de teléfono solo contiene dígitos, espacios y + ( ) - . /</translation>
    </message>
    <message>
        <source>give the contact&apos;s name</source>
        <translation>indique el nombre del contacto</translation>
    </message>
    <message>
        <source>give a phone number or an email, so the contact can be reached</source>
        <translation>indique un teléfono o un correo electrónico para poder localizar al contacto</translation>
    </message>
    <message>
        <source>give the site a name or an address, so dispatchers can tell it apart</source>
        <translation>indique un nombre o una dirección para el emplazamiento, para que los coordinadores puedan distinguirlo</translation>
    </message>
    <message>
        <source>choose the site&apos;s time zone (its clock for windows and SLAs)</source>
        <translation>elija la zona horaria del emplazamiento (su reloj para franjas y SLA)</translation>
    </message>
    <message>
        <source>the warranty cannot end before the asset was installed</source>
        <translation>la garantía no puede terminar antes de la instalación del equipo</translation>
    </message>
    <message>
        <source>give the model or the serial number, so technicians find the right unit</source>
        <translation>indique el modelo o el número de serie para que los técnicos encuentren la unidad correcta</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 ya está en uso: los identificadores son únicos</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>zona desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>emplazamiento desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>give the record an id (your systems&apos; id, or any short code)</source>
        <translation>asigne un identificador al registro (el de sus sistemas o cualquier código corto)</translation>
    </message>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>un identificador tiene entre 1 y 64 caracteres y ningún espacio</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Your role may read customers, sites and assets but not change them.</source>
        <translation>Su rol puede consultar clientes, emplazamientos y equipos, pero no modificarlos.</translation>
    </message>
</context>
<context>
    <name>DayPlan</name>
    <message>
        <source>no site to go to</source>
        <translation>no hay emplazamiento al que ir</translation>
    </message>
    <message>
        <source>no qualified technician: nobody active holds every required skill</source>
        <translation>ningún técnico cualificado: ningún técnico activo tiene todas las competencias requeridas</translation>
    </message>
    <message>
        <source>the customer&apos;s window is shorter than the work</source>
        <translation>la franja del cliente es más corta que el trabajo</translation>
    </message>
    <message>
        <source>outside every shift: no qualified technician works that day</source>
        <translation>fuera de todos los turnos: ningún técnico cualificado trabaja ese día</translation>
    </message>
    <message>
        <source>every qualified technician is absent that day</source>
        <translation>todos los técnicos cualificados están ausentes ese día</translation>
    </message>
    <message>
        <source>the time window cannot be met inside a qualified technician&apos;s shift</source>
        <translation>no se puede cumplir la franja horaria dentro del turno de un técnico cualificado</translation>
    </message>
    <message>
        <source>no room left in the qualified technicians&apos; day</source>
        <translation>no queda hueco en la jornada de los técnicos cualificados</translation>
    </message>
    <message>
        <source>the visit found would break a rule check (travel or overlap)</source>
        <translation>la visita encontrada incumpliría una comprobación (desplazamiento o solapamiento)</translation>
    </message>
</context>
<context>
    <name>DayPlanLoader</name>
    <message>
        <source>territory %1 does not exist</source>
        <translation>la zona %1 no existe</translation>
    </message>
</context>
<context>
    <name>DayPlanWriter</name>
    <message>
        <source>the schedule changed while the day was planned; nothing was written, plan again</source>
        <translation>la planificación ha cambiado mientras se planificaba el día; no se ha escrito nada, vuelva a planificar</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, plan again</source>
        <translation>la orden de trabajo %1 ya no está abierta; no se ha escrito nada, vuelva a planificar</translation>
    </message>
</context>
<context>
    <name>DayRepair</name>
    <message>
        <source>technician %1 does not exist</source>
        <translation>el técnico %1 no existe</translation>
    </message>
    <message>
        <source>technician %1&apos;s day %2 is over by %3: nothing is left to repair</source>
        <translation>el día %2 del técnico %1 ya terminó a las %3: no queda nada que reparar</translation>
    </message>
    <message>
        <source>reported absent</source>
        <translation>ausencia comunicada</translation>
    </message>
    <message>
        <source>visit %1 is not booked around %2</source>
        <translation>la visita %1 no está programada alrededor de %2</translation>
    </message>
    <message>
        <source>an overrun needs a positive number of minutes</source>
        <translation>un retraso necesita un número positivo de minutos</translation>
    </message>
    <message>
        <source>work order %1 is not in the queue for %2 (open, nobody booked, its window meeting the day)</source>
        <translation>la orden de trabajo %1 no está en la cola para %2 (abierta, sin nadie programado, con su ventana en ese día)</translation>
    </message>
    <message>
        <source>Reassign to colleagues</source>
        <translation>Reasignar a compañeros</translation>
    </message>
    <message>
        <source>Push later the same day</source>
        <translation>Retrasar el mismo día</translation>
    </message>
    <message>
        <source>Send back to the queue</source>
        <translation>Devolver a la cola</translation>
    </message>
    <message>
        <source>Book where it fits</source>
        <translation>Programar donde quepa</translation>
    </message>
    <message>
        <source>Bump a lower-priority visit</source>
        <translation>Desplazar una visita de menor prioridad</translation>
    </message>
    <message>
        <source>Leave in the queue</source>
        <translation>Dejar en la cola</translation>
    </message>
</context>
<context>
    <name>DayRepairWriter</name>
    <message>
        <source>the schedule changed while the repair was worked out; nothing was written, repair again</source>
        <translation>la agenda cambió mientras se calculaba la reparación; no se escribió nada, repare de nuevo</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, repair again</source>
        <translation>la orden de trabajo %1 ya no está abierta; no se escribió nada, repare de nuevo</translation>
    </message>
</context>
<context>
    <name>DemoSeedRunner</name>
    <message>
        <source>Creating the schema…</source>
        <translation>Creando el esquema…</translation>
    </message>
    <message>
        <source>Preparing the demo database…</source>
        <translation>Preparando la base de datos de demostración…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>Demostración de FieldOps</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>the demo seeding was cancelled; nothing was written</source>
        <translation>se ha cancelado la carga de datos de demostración; no se ha escrito nada</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>Carga de datos cancelada; no se ha escrito nada.</translation>
    </message>
    <message>
        <source>the number of technicians must be between 1 and 5000</source>
        <translation>el número de técnicos debe estar entre 1 y 5000</translation>
    </message>
    <message>
        <source>the days of history must be between 0 and 3650</source>
        <translation>los días de historial deben estar entre 0 y 3650</translation>
    </message>
    <message>
        <source>the days ahead must be between 0 and 60</source>
        <translation>los días futuros deben estar entre 0 y 60</translation>
    </message>
    <message>
        <source>the number of customers must be between 1 and 200000</source>
        <translation>el número de clientes debe estar entre 1 y 200000</translation>
    </message>
    <message>
        <source>the demo&apos;s current time is not a valid clock time</source>
        <translation>la hora actual de la demostración no es una hora válida</translation>
    </message>
    <message>
        <source>the database already holds technicians, customers or work orders; demo data goes into an empty database only</source>
        <translation>la base de datos ya contiene técnicos, clientes u órdenes de trabajo; los datos de demostración solo se cargan en una base de datos vacía</translation>
    </message>
    <message>
        <source>Generating the demo operation</source>
        <translation>Generando la operación de demostración</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>Escribiendo los datos de demostración</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>DurationHistory</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>la orden de trabajo %1 no existe</translation>
    </message>
</context>
<context>
    <name>EditChannel</name>
    <message>
        <source>Not connected to a database: nothing was changed.</source>
        <translation>Sin conexión a una base de datos: no se ha modificado nada.</translation>
    </message>
</context>
<context>
    <name>FieldEvent</name>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be a non-empty text id</source>
        <translation>debe ser un identificador de texto no vacío</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z</source>
        <translation>debe ser una hora ISO 8601 con desfase o Z, p. ej., 2026-12-03T13:05:00Z</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2</source>
        <translation>debe ser un número entre %1 y %2</translation>
    </message>
    <message>
        <source>must be a number of at least %1</source>
        <translation>debe ser un número igual o mayor que %1</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>debe ser uno de %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is required when lat is given</source>
        <translation>es obligatorio cuando se indica lat</translation>
    </message>
    <message>
        <source>is required when lon is given</source>
        <translation>es obligatorio cuando se indica lon</translation>
    </message>
    <message>
        <source>must not be before arrived_at</source>
        <translation>no debe ser anterior a arrived_at</translation>
    </message>
    <message>
        <source>must be after start</source>
        <translation>debe ser posterior a start</translation>
    </message>
    <message>
        <source>must be a number greater than 0</source>
        <translation>debe ser un número mayor que 0</translation>
    </message>
    <message>
        <source>must be van:&lt;technician_id&gt; or warehouse:&lt;id&gt;</source>
        <translation>debe ser van:&lt;technician_id&gt; o warehouse:&lt;id&gt;</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 5</source>
        <translation>debe ser un número entero del 1 al 5</translation>
    </message>
    <message>
        <source>%1 is in the future (now is %2)</source>
        <translation>%1 está en el futuro (ahora es %2)</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>las lecturas de %1 están en &quot;%2&quot;, no en &quot;%3&quot;</translation>
    </message>
    <message>
        <source>line is not a JSON object</source>
        <translation>la línea no es un objeto JSON</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation>tipo desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a whole number greater than 0</source>
        <translation>debe ser un número entero mayor que 0</translation>
    </message>
    <message>
        <source>must be text, one of position, status, outcome, time_entry, part_used, rating, reading, delivered, read</source>
        <translation>debe ser texto, uno de position, status, outcome, time_entry, part_used, rating, reading, delivered, read</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>only an outcome with reason needs_parts lists parts</source>
        <translation>solo un resultado con motivo needs_parts enumera piezas</translation>
    </message>
    <message>
        <source>item %1 must be an object with a non-empty text sku and a quantity</source>
        <translation>el elemento %1 debe ser un objeto con un sku de texto no vacío y una cantidad</translation>
    </message>
    <message>
        <source>item %1 (%2): quantity must be a number greater than 0</source>
        <translation>elemento %1 (%2): la cantidad debe ser un número mayor que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
</context>
<context>
    <name>FieldEventWriter</name>
    <message>
        <source>no appointment %1</source>
        <translation>no existe la cita %1</translation>
    </message>
    <message>
        <source>appointment %1 is cancelled</source>
        <translation>la cita %1 está cancelada</translation>
    </message>
    <message>
        <source>no technician %1</source>
        <translation>no existe el técnico %1</translation>
    </message>
    <message>
        <source>appointment %1 is already completed</source>
        <translation>la cita %1 ya está completada</translation>
    </message>
    <message>
        <source>work order %1 of appointment %2 is cancelled; a cancelled job cannot be resolved</source>
        <translation>la orden de trabajo %1 de la cita %2 está cancelada; un trabajo cancelado no se puede resolver</translation>
    </message>
    <message>
        <source>no work order %1</source>
        <translation>no existe la orden de trabajo %1</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>no existe la pieza %1</translation>
    </message>
    <message>
        <source>no stock of %1 at %2</source>
        <translation>no hay existencias de %1 en %2</translation>
    </message>
    <message>
        <source>%1 is more than the %2 of %3 in stock at %4</source>
        <translation>%1 supera las %2 unidades de %3 en existencias en %4</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>no existe el equipo %1</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot;, not &quot;%4&quot;</source>
        <translation>las lecturas de %1 del equipo %2 están en &quot;%3&quot;, no en &quot;%4&quot;</translation>
    </message>
    <message>
        <source>no notice %1 in the outbox</source>
        <translation>ningún aviso %1 en la bandeja de salida</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was written (%3)</source>
        <translation>%1 es anterior a la escritura del aviso %2 (%3)</translation>
    </message>
    <message>
        <source>notice %1 is not delivered yet</source>
        <translation>el aviso %1 aún no se ha entregado</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was delivered (%3)</source>
        <translation>%1 es anterior a la entrega del aviso %2 (%3)</translation>
    </message>
</context>
<context>
    <name>FollowUpOrders</name>
    <message>
        <source>Return visit: %1</source>
        <translation>Visita de vuelta: %1</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: la cantidad debe ser mayor que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>ninguna pieza %1</translation>
    </message>
    <message>
        <source>Not needed: the outcome of visit %1 was corrected</source>
        <translation>Ya no es necesaria: se corrigió el resultado de la visita %1</translation>
    </message>
</context>
<context>
    <name>GeneratePmCommand</name>
    <message>
        <source>Cannot undo the preventive generation: %1. Nothing was removed.</source>
        <translation>No se puede deshacer la generación de trabajo preventivo: %1. No se ha eliminado nada.</translation>
    </message>
    <message>
        <source>Cannot redo the preventive generation: %1. Nothing was written.</source>
        <translation>No se puede rehacer la generación de trabajo preventivo: %1. No se ha escrito nada.</translation>
    </message>
    <message>
        <source>work order %1 has been scheduled since (it has a visit)</source>
        <translation>la orden de trabajo %1 se ha programado desde entonces (tiene una visita)</translation>
    </message>
    <message>
        <source>work order %1 is %2 now, no longer open</source>
        <translation>la orden de trabajo %1 tiene ahora el estado %2 y ya no está abierta</translation>
    </message>
    <message>
        <source>work order %1 has been changed since it was generated</source>
        <translation>la orden de trabajo %1 se ha modificado desde que se generó</translation>
    </message>
    <message>
        <source>work order %1 has been deleted since</source>
        <translation>la orden de trabajo %1 se ha eliminado desde entonces</translation>
    </message>
    <message>
        <source>another console changed one of its work orders meanwhile</source>
        <translation>otra consola ha modificado mientras tanto una de sus órdenes de trabajo</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>header</source>
        <translation>encabezado</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
    <message>
        <source>%1: the required column day is missing</source>
        <translation>%1: falta la columna obligatoria day</translation>
    </message>
    <message>
        <source>%1 is not a date YYYY-MM-DD</source>
        <translation>%1 no es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>una celda vacía</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Tipo de contrato</translation>
    </message>
    <message>
        <source>Work-order type</source>
        <translation>Tipo de orden de trabajo</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>Tiempo parcial</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Subcontratista</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>Correctivo</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspección</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sin zona)</translation>
    </message>
    <message>
        <source>Work orders closed</source>
        <translation>Órdenes de trabajo cerradas</translation>
    </message>
    <message>
        <source>First-time fix</source>
        <translation>Resolución a la primera</translation>
    </message>
    <message>
        <source>On-time arrival</source>
        <translation>Llegada puntual</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>Cumplimiento del SLA</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Tiempo de resolución</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <source>Billable ratio</source>
        <translation>Proporción facturable</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Valoración media</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <source>Jobs per technician-day</source>
        <translation>Trabajos por técnico y día</translation>
    </message>
    <message>
        <source>Work orders whose closing visit completed in the period</source>
        <translation>Órdenes de trabajo cuya visita de cierre se completó en el período</translation>
    </message>
    <message>
        <source>Closed work orders fixed at their first visit</source>
        <translation>Órdenes de trabajo cerradas resueltas en su primera visita</translation>
    </message>
    <message>
        <source>Visits that arrived at most 15 minutes after the planned start</source>
        <translation>Visitas con llegada como máximo 15 minutos después del inicio previsto</translation>
    </message>
    <message>
        <source>Work orders due in the period that were closed by their SLA</source>
        <translation>Órdenes de trabajo con vencimiento en el período cerradas dentro de su SLA</translation>
    </message>
    <message>
        <source>Mean hours from creation to closing</source>
        <translation>Horas medias desde la creación hasta el cierre</translation>
    </message>
    <message>
        <source>Time on site over shift time, less absences</source>
        <translation>Tiempo en el emplazamiento respecto al tiempo de turno, descontadas las ausencias</translation>
    </message>
    <message>
        <source>Billable hours over all logged hours</source>
        <translation>Horas facturables respecto al total de horas registradas</translation>
    </message>
    <message>
        <source>Mean customer score (1–5)</source>
        <translation>Puntuación media de los clientes (1–5)</translation>
    </message>
    <message>
        <source>Customer ratings given in the period</source>
        <translation>Valoraciones de clientes recibidas en el período</translation>
    </message>
    <message>
        <source>Completed visits per technician and calendar day</source>
        <translation>Visitas completadas por técnico y día natural</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>±0%</source>
        <translation>±0 %</translation>
    </message>
</context>
<context>
    <name>KpiTargetRepository</name>
    <message>
        <source>only managers and administrators may change KPI targets; the server refused</source>
        <translation>solo los responsables y administradores pueden modificar los objetivos de KPI; el servidor lo ha rechazado</translation>
    </message>
    <message>
        <source>someone else set a target for %1 in the meantime; it was reloaded</source>
        <translation>otra persona ha fijado mientras tanto un objetivo para %1; se ha recargado</translation>
    </message>
    <message>
        <source>the target for %1 was changed or removed by someone else in the meantime; it was reloaded</source>
        <translation>otra persona ha modificado o eliminado mientras tanto el objetivo de %1; se ha recargado</translation>
    </message>
    <message>
        <source>the target for %1 is gone</source>
        <translation>el objetivo de %1 ya no existe</translation>
    </message>
    <message>
        <source>the target was changed or removed by someone else in the meantime</source>
        <translation>otra persona ha modificado o eliminado el objetivo mientras tanto</translation>
    </message>
</context>
<context>
    <name>KpiTargetRules</name>
    <message>
        <source>unknown KPI &quot;%1&quot;</source>
        <translation>KPI desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the target must be a number</source>
        <translation>%1: el objetivo debe ser un número</translation>
    </message>
    <message>
        <source>between 0% and 100%</source>
        <translation>entre el 0 % y el 100 %</translation>
    </message>
    <message>
        <source>between 1 and 5</source>
        <translation>entre 1 y 5</translation>
    </message>
    <message>
        <source>zero or more</source>
        <translation>cero o más</translation>
    </message>
    <message>
        <source>%1: the target must be %2</source>
        <translation>%1: el objetivo debe estar %2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must be %2</source>
        <translation>%1: el umbral ámbar debe estar %2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be above the target (higher is better)</source>
        <translation>%1: el umbral ámbar no debe superar el objetivo (cuanto más alto, mejor)</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be below the target (lower is better)</source>
        <translation>%1: el umbral ámbar no debe ser inferior al objetivo (cuanto más bajo, mejor)</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>en el objetivo</translation>
    </message>
    <message>
        <source>near target</source>
        <translation>cerca del objetivo</translation>
    </message>
    <message>
        <source>off target</source>
        <translation>fuera del objetivo</translation>
    </message>
</context>
<context>
    <name>LostRaceExplainer</name>
    <message>
        <source>You (in another window)</source>
        <translation>Usted (en otra ventana)</translation>
    </message>
    <message>
        <source>you (in another window)</source>
        <translation>usted (en otra ventana)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>moved this visit to %1 at %2</source>
        <translation>ha movido esta visita a %1 a las %2</translation>
    </message>
    <message>
        <source>reassigned this visit to %1</source>
        <translation>ha reasignado esta visita a %1</translation>
    </message>
    <message>
        <source>moved this visit to %1</source>
        <translation>ha movido esta visita a %1</translation>
    </message>
    <message>
        <source>changed this visit to end at %1</source>
        <translation>ha cambiado el fin de esta visita a las %1</translation>
    </message>
    <message>
        <source>unassigned this visit</source>
        <translation>ha desasignado esta visita</translation>
    </message>
    <message>
        <source>changed the status of this visit to %1</source>
        <translation>ha cambiado el estado de esta visita a %1</translation>
    </message>
    <message>
        <source>locked this visit</source>
        <translation>ha bloqueado esta visita</translation>
    </message>
    <message>
        <source>unlocked this visit</source>
        <translation>ha desbloqueado esta visita</translation>
    </message>
    <message>
        <source>changed the status of this work order to %1</source>
        <translation>ha cambiado el estado de esta orden de trabajo a %1</translation>
    </message>
    <message>
        <source>changed the %1 of this %2</source>
        <translation>ha cambiado el campo «%1» de este registro (%2)</translation>
    </message>
    <message>
        <source>%1 deleted this %2 while you were editing</source>
        <translation>%1 ha eliminado este registro (%2) mientras usted lo editaba</translation>
    </message>
    <message>
        <source>%1 changed this %2 while you were editing</source>
        <translation>%1 ha modificado este registro (%2) mientras usted lo editaba</translation>
    </message>
    <message>
        <source>%1 %2 while you were editing</source>
        <translation>%1 %2 mientras usted lo editaba</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export KPIs</source>
        <translation>Exportar KPI</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historial de deshacer</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Asset health</source>
        <translation>Salud de los equipos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Fit all</source>
        <translation>Ajustar todo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message numerus="yes">
        <source>%n technician(s) predicted late</source>
        <translation>
            <numerusform>%n técnico con retraso previsto</numerusform>
            <numerusform>%n técnicos con retraso previsto</numerusform>
        </translation>
    </message>
    <message>
        <source>tiles unreachable</source>
        <translation>teselas inaccesibles</translation>
    </message>
    <message>
        <source>Board filter: %1 of %2 technicians</source>
        <translation>Filtro del panel: %1 de %2 técnicos</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>en camino</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>en el emplazamiento</translation>
    </message>
    <message>
        <source>late</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>the MBTiles file %1 does not exist</source>
        <translation>el archivo MBTiles %1 no existe</translation>
    </message>
    <message>
        <source>cannot open the MBTiles file %1</source>
        <translation>no se puede abrir el archivo MBTiles %1</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no metadata table)</source>
        <translation>%1 no es un archivo MBTiles (no tiene tabla metadata)</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no tiles table)</source>
        <translation>%1 no es un archivo MBTiles (no tiene tabla tiles)</translation>
    </message>
    <message>
        <source>cannot read a tile from the MBTiles file</source>
        <translation>no se puede leer una tesela del archivo MBTiles</translation>
    </message>
    <message numerus="yes">
        <source>no free slot for this technician in the next %n day(s)</source>
        <translation>
            <numerusform>no hay hueco libre para este técnico durante el próximo %n día</numerusform>
            <numerusform>no hay hueco libre para este técnico en los próximos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© colaboradores de OpenStreetMap</translation>
    </message>
    <message>
        <source>Map tiles: %1</source>
        <translation>Teselas del mapa: %1</translation>
    </message>
    <message>
        <source>Offline map tiles</source>
        <translation>Teselas de mapa sin conexión</translation>
    </message>
    <message>
        <source>No map tiles: positions on a plain grid</source>
        <translation>Sin teselas de mapa: posiciones sobre una cuadrícula simple</translation>
    </message>
    <message>
        <source>the tile server answered %1</source>
        <translation>el servidor de teselas ha respondido %1</translation>
    </message>
</context>
<context>
    <name>OsrmTravelTime</name>
    <message>
        <source>it answered &quot;%1&quot;</source>
        <translation>respondió &quot;%1&quot;</translation>
    </message>
    <message>
        <source>it answered &quot;%1&quot; (%2)</source>
        <translation>respondió &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>estado HTTP %1</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>la respuesta no es JSON (%1)</translation>
    </message>
    <message>
        <source>the answer&apos;s durations are not a table of %1 × %2 seconds</source>
        <translation>las duraciones de la respuesta no son una tabla de %1 × %2 segundos</translation>
    </message>
    <message>
        <source>routing service at %1: %2; using straight-line travel times</source>
        <translation>servicio de rutas en %1: %2; se usan tiempos de viaje en línea recta</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>sin respuesta en %1 s</translation>
    </message>
    <message>
        <source>routing service at %1: no road route from %2 to %3; using the straight-line travel time for it</source>
        <translation>servicio de rutas en %1: no hay ruta por carretera de %2 a %3; se usa el tiempo en línea recta para ella</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a routing service URL such as http://127.0.0.1:5000</source>
        <translation>&quot;%1&quot; no es una URL de servicio de rutas como http://127.0.0.1:5000</translation>
    </message>
</context>
<context>
    <name>PartsText</name>
    <message>
        <source>&quot;%1&quot; is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)</source>
        <translation>&quot;%1&quot; no es una pieza: escriba el SKU, o la cantidad × el SKU (2 × FLT-100)</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: la cantidad debe ser mayor que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
</context>
<context>
    <name>PmGenerator</name>
    <message>
        <source>due override of plan %1: the day is not a date</source>
        <translation>cambio de vencimiento del plan %1: el día no es una fecha</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: a holiday of territory %3, the calendar of contract %4</source>
        <translation>cambio de vencimiento del plan %1 al %2: festivo de la zona %3, calendario del contrato %4</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 starts on %4</source>
        <translation>cambio de vencimiento del plan %1 al %2: el contrato %3 empieza el %4</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 ends on %4</source>
        <translation>cambio de vencimiento del plan %1 al %2: el contrato %3 termina el %4</translation>
    </message>
    <message>
        <source>interval_days %1 is not positive</source>
        <translation>interval_days %1 no es positivo</translation>
    </message>
    <message>
        <source>recurrence &quot;%1&quot;: %2</source>
        <translation>recurrencia &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>seasonal_months: %1</source>
        <translation>seasonal_months: %1</translation>
    </message>
    <message>
        <source>preferred_start &quot;%1&quot; is not HH:MM</source>
        <translation>preferred_start &quot;%1&quot; no tiene el formato HH:MM</translation>
    </message>
    <message>
        <source>next_due is not a date</source>
        <translation>next_due no es una fecha</translation>
    </message>
    <message>
        <source>the plan&apos;s asset has no site</source>
        <translation>el equipo del plan no tiene emplazamiento</translation>
    </message>
    <message>
        <source>its work order was cancelled</source>
        <translation>su orden de trabajo se ha cancelado</translation>
    </message>
    <message>
        <source>contract %1 starts on %2</source>
        <translation>el contrato %1 empieza el %2</translation>
    </message>
    <message>
        <source>a holiday, and contract %1 ends before the next working day</source>
        <translation>un festivo, y el contrato %1 termina antes del siguiente día laborable</translation>
    </message>
    <message>
        <source>Preventive maintenance plan %1, occurrence of %2</source>
        <translation>Plan de mantenimiento preventivo %1, repetición del %2</translation>
    </message>
</context>
<context>
    <name>PmRecurrence</name>
    <message>
        <source>expected &quot;every N days&quot;, &quot;every N weeks [on Mon]&quot; or &quot;every N months [on day D | on first…fourth|last Fri]&quot;</source>
        <translation>se esperaba &quot;every N days&quot;, &quot;every N weeks [on Mon]&quot; o &quot;every N months [on day D | on first…fourth|last Fri]&quot;</translation>
    </message>
    <message>
        <source>the interval &quot;%1&quot; is not a whole number from 1 to %2</source>
        <translation>el intervalo &quot;%1&quot; no es un número entero entre 1 y %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not days, weeks or months</source>
        <translation>&quot;%1&quot; no es days, weeks ni months</translation>
    </message>
    <message>
        <source>a rule in days has no &quot;on&quot; part</source>
        <translation>una regla en días no tiene parte &quot;on&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (Mon … Sun)</source>
        <translation>&quot;%1&quot; no es un día de la semana (Mon … Sun)</translation>
    </message>
    <message>
        <source>the day of the month &quot;%1&quot; is not from 1 to 31</source>
        <translation>el día del mes &quot;%1&quot; no está entre 1 y 31</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not first, second, third, fourth or last</source>
        <translation>&quot;%1&quot; no es first, second, third, fourth ni last</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month from 1 to 12</source>
        <translation>&quot;%1&quot; no es un mes entre 1 y 12</translation>
    </message>
</context>
<context>
    <name>PmWorkOrderWriter</name>
    <message>
        <source>the database has no column %1.%2; run init to migrate it</source>
        <translation>la base de datos no tiene la columna %1.%2; ejecute init para migrarla</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the period must have a start date on or before its end date</source>
        <translation>el período debe tener una fecha de inicio igual o anterior a su fecha de fin</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>el servidor no ha indicado qué puede hacer este usuario</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>la orden de trabajo %1 no existe</translation>
    </message>
    <message>
        <source>work order %1 was changed by someone else; it has been reloaded</source>
        <translation>otra persona ha modificado la orden de trabajo %1; se ha recargado</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>el controlador SQLite de Qt (QSQLITE) no está instalado</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>el controlador PostgreSQL de Qt (QPSQL) no está instalado</translation>
    </message>
    <message>
        <source>the root certificate path may not contain &apos;;&apos;: %1</source>
        <translation>la ruta del certificado raíz no puede contener &apos;;&apos;: %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>the technician already has an appointment at that time (double booking refused by the database)</source>
        <translation>el técnico ya tiene una cita a esa hora (la base de datos ha rechazado la doble reserva)</translation>
    </message>
    <message>
        <source>your role is not allowed to do this: %1</source>
        <translation>su rol no tiene permiso para hacer esto: %1</translation>
    </message>
    <message>
        <source>the connection to the database was lost; nothing was saved</source>
        <translation>se ha perdido la conexión con la base de datos; no se ha guardado nada</translation>
    </message>
    <message>
        <source>the database refused the data: %1</source>
        <translation>la base de datos ha rechazado los datos: %1</translation>
    </message>
    <message>
        <source>internal error: nested transaction</source>
        <translation>error interno: transacción anidada</translation>
    </message>
    <message>
        <source>internal error: commit without a transaction</source>
        <translation>error interno: confirmación sin transacción</translation>
    </message>
    <message>
        <source>empty database URL</source>
        <translation>URL de base de datos vacía</translation>
    </message>
    <message>
        <source>SQLite URL needs an absolute path, e.g. sqlite:///home/me/fieldops.db (got &quot;%1&quot;)</source>
        <translation>la URL de SQLite necesita una ruta absoluta, p. ej., sqlite:///home/me/fieldops.db (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>malformed PostgreSQL URL: %1</source>
        <translation>URL de PostgreSQL incorrecta: %1</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no host (expected postgresql://user@host:port/db)</source>
        <translation>la URL de PostgreSQL no tiene host (se esperaba postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>PostgreSQL URL has an invalid port</source>
        <translation>la URL de PostgreSQL tiene un puerto no válido</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no database name (expected postgresql://user@host:port/db)</source>
        <translation>la URL de PostgreSQL no tiene nombre de base de datos (se esperaba postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>unknown sslmode &quot;%1&quot; (one of %2)</source>
        <translation>sslmode desconocido &quot;%1&quot; (uno de %2)</translation>
    </message>
    <message>
        <source>unknown PostgreSQL URL option &quot;%1&quot; (sslmode, sslrootcert)</source>
        <translation>opción de URL de PostgreSQL desconocida &quot;%1&quot; (sslmode, sslrootcert)</translation>
    </message>
    <message>
        <source>database URL must start with sqlite:/// or postgresql:// (got &quot;%1&quot;)</source>
        <translation>la URL de la base de datos debe empezar por sqlite:/// o postgresql:// (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>migration script %1 is missing from the build</source>
        <translation>falta el script de migración %1 en la compilación</translation>
    </message>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>la base de datos tiene la versión de esquema %1, más reciente de la que entiende esta consola (%2); actualice FieldOps</translation>
    </message>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>la migración %1 ha fallado: %2</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>work order</source>
        <translation>orden de trabajo</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>site</source>
        <translation>emplazamiento</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>ausencia</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plan de mantenimiento</translation>
    </message>
    <message>
        <source>%1: not a field of a %2</source>
        <translation>%1: no es un campo de %2</translation>
    </message>
    <message>
        <source>%1: a %2 with this id already exists</source>
        <translation>%1: ya existe un registro (%2) con este identificador</translation>
    </message>
    <message>
        <source>%1: a %2 needs an id</source>
        <translation>%1: un registro (%2) necesita un identificador</translation>
    </message>
    <message>
        <source>the new %1 got no id</source>
        <translation>el nuevo registro (%1) no ha recibido identificador</translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 no existe</translation>
    </message>
    <message>
        <source>%1 %2 no longer exists</source>
        <translation>%1 %2 ya no existe</translation>
    </message>
    <message>
        <source>%1 %2 was changed by someone else; it has been reloaded</source>
        <translation>otra persona ha modificado %1 %2; se ha recargado</translation>
    </message>
    <message>
        <source>alert thresholds</source>
        <translation>umbrales de alerta</translation>
    </message>
    <message>
        <source>dismissed alert</source>
        <translation>alerta descartada</translation>
    </message>
    <message>
        <source>time entry</source>
        <translation>registro de tiempo</translation>
    </message>
</context>
<context>
    <name>RepairDayCommand</name>
    <message>
        <source>The schedule changed since the repair was worked out: nothing was written.</source>
        <translation>La agenda cambió desde que se calculó la reparación: no se escribió nada.</translation>
    </message>
    <message>
        <source>The absence was not recorded.</source>
        <translation>La ausencia no se registró.</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was written.</source>
        <translation>La orden de trabajo %1 ya no está abierta: no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message>
        <source>Connect to a database to see the schedule.</source>
        <translation>Conéctese a una base de datos para ver la planificación.</translation>
    </message>
    <message>
        <source>The connection to the database is lost: the schedule is read only until it returns.</source>
        <translation>Se ha perdido la conexión con la base de datos: la planificación es de solo lectura hasta que se restablezca.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked (%2)</source>
        <translation>Rechazado: %1 ya está reservado (%2)</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked %2–%3 with %4 · %5 (%6)</source>
        <translation>Rechazado: %1 ya está reservado %2–%3 con %4 · %5 (%6)</translation>
    </message>
    <message>
        <source>Refused: double booking (%1)</source>
        <translation>Rechazado: doble reserva (%1)</translation>
    </message>
    <message>
        <source>Saved with warnings: %1</source>
        <translation>Guardado con advertencias: %1</translation>
    </message>
    <message>
        <source>Absent %1 %2–%3</source>
        <translation>Ausente %1 %2–%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · covers %n visit(s)</source>
        <translation>
            <numerusform>%1 · cubre %n visita</numerusform>
            <numerusform>%1 · cubre %n visitas</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a work order in the queue first, then press Enter on the slot for it.</source>
        <translation>Seleccione primero una orden de trabajo en la cola y, después, pulse Intro en el hueco deseado.</translation>
    </message>
    <message>
        <source>%1 is already on the board: select a work order in the queue.</source>
        <translation>%1 ya está en el panel: seleccione una orden de trabajo de la cola.</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>Panel de planificación</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4 %5 to %6, %7</source>
        <translation>%1 %2, %3, %4 %5 a %6, %7</translation>
    </message>
    <message>
        <source>Schedule board: arrow keys move between technicians and times, Tab picks a visit</source>
        <translation>Panel de planificación: las flechas se mueven entre técnicos y horas; Tab selecciona una visita</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, booked</source>
        <translation>%1, %2 %3 a %4, reservado</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, free</source>
        <translation>%1, %2 %3 a %4, libre</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Inactive · %1</source>
        <translation>Inactivo · %1</translation>
    </message>
    <message>
        <source>No territory</source>
        <translation>Sin zona</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>the horizon needs a start before its end</source>
        <translation>el horizonte necesita un inicio anterior a su fin</translation>
    </message>
</context>
<context>
    <name>ScreenshotCommand</name>
    <message>
        <source>%1 has no FieldOps schema</source>
        <translation>%1 no tiene esquema de FieldOps</translation>
    </message>
    <message>
        <source>the database was not read within %1 s</source>
        <translation>no se ha leído la base de datos en %1 s</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot;; the views are: %2</source>
        <translation>vista desconocida &quot;%1&quot;; las vistas son: %2</translation>
    </message>
    <message>
        <source>no database to draw: give --db URL or --demo, or choose one at a first start</source>
        <translation>no hay base de datos que dibujar: indique --db URL o --demo, o elija una en el primer inicio</translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation>no se puede crear una carpeta temporal: %1</translation>
    </message>
    <message>
        <source>the console has no %1 view</source>
        <translation>la consola no tiene la vista %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>around the clock</source>
        <translation>las 24 horas</translation>
    </message>
    <message>
        <source>No contract: priority %1 default, %2 h</source>
        <translation>Sin contrato: prioridad %1 predeterminada, %2 h</translation>
    </message>
    <message>
        <source>Contract %1, priority %2</source>
        <translation>Contrato %1, prioridad %2</translation>
    </message>
    <message>
        <source>respond within 1 business hour</source>
        <translation>responder en 1 hora laborable</translation>
    </message>
    <message>
        <source>respond within 1 hour</source>
        <translation>responder en 1 hora</translation>
    </message>
    <message>
        <source>respond within %1 business hours</source>
        <translation>responder en %1 horas laborables</translation>
    </message>
    <message>
        <source>respond within %1 hours</source>
        <translation>responder en %1 horas</translation>
    </message>
    <message>
        <source>no response time set, priority default %1 h</source>
        <translation>sin tiempo de respuesta definido, prioridad predeterminada %1 h</translation>
    </message>
    <message>
        <source>, resolve within %1</source>
        <translation>, resolver en %1</translation>
    </message>
    <message>
        <source> (%1, site time)</source>
        <translation> (%1, hora del emplazamiento)</translation>
    </message>
    <message>
        <source> (%1, site time, holidays of %2)</source>
        <translation> (%1, hora del emplazamiento, festivos de %2)</translation>
    </message>
    <message>
        <source>, around the clock</source>
        <translation>, las 24 horas</translation>
    </message>
</context>
<context>
    <name>StartupDatabase</name>
    <message>
        <source>No file was chosen.</source>
        <translation>No se ha elegido ningún archivo.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database file; choose a new file name or a FieldOps database.</source>
        <translation>%1 no es un archivo de base de datos SQLite; elija un nombre de archivo nuevo o una base de datos de FieldOps.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>No se puede escribir en la carpeta %1.</translation>
    </message>
    <message>
        <source>Could not create a FieldOps database in %1: %2</source>
        <translation>No se ha podido crear una base de datos de FieldOps en %1: %2</translation>
    </message>
</context>
<context>
    <name>StatusDiscrepancies</name>
    <message>
        <source>tapped on site at %1, %2 min before the phone arrived at %3</source>
        <translation>marcó en el sitio a las %1, %2 min antes de que el teléfono llegara a las %3</translation>
    </message>
    <message>
        <source>tapped on site at %1, %2 min after the phone arrived at %3</source>
        <translation>marcó en el sitio a las %1, %2 min después de que el teléfono llegara a las %3</translation>
    </message>
    <message>
        <source>the phone arrived at %1 but no on-site status was sent</source>
        <translation>el teléfono llegó a las %1 pero no se envió el estado «en el sitio»</translation>
    </message>
    <message>
        <source>tapped on site at %1 but the phone was never at the site that day</source>
        <translation>marcó en el sitio a las %1 pero el teléfono no estuvo en el sitio ese día</translation>
    </message>
    <message>
        <source>completed at %1 but the phone was never at the site that day</source>
        <translation>completó a las %1 pero el teléfono no estuvo en el sitio ese día</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min before the phone left at %3</source>
        <translation>informó la salida a las %1, %2 min antes de que el teléfono saliera a las %3</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min after the phone left at %3</source>
        <translation>informó la salida a las %1, %2 min después de que el teléfono saliera a las %3</translation>
    </message>
    <message>
        <source>completed at %1, %2 min before the phone left at %3</source>
        <translation>completó a las %1, %2 min antes de que el teléfono saliera a las %3</translation>
    </message>
    <message>
        <source>completed at %1, %2 min after the phone left at %3</source>
        <translation>completó a las %1, %2 min después de que el teléfono saliera a las %3</translation>
    </message>
    <message>
        <source>the phone left at %1 but the visit is not completed (status %2)</source>
        <translation>el teléfono salió a las %1 pero la visita no está completada (estado %2)</translation>
    </message>
</context>
<context>
    <name>StockPlaces</name>
    <message>
        <source>Van of %1</source>
        <translation>Furgoneta de %1</translation>
    </message>
    <message>
        <source>Warehouse %1</source>
        <translation>Almacén %1</translation>
    </message>
</context>
<context>
    <name>StockRepository</name>
    <message>
        <source>quantity: %1 is not a positive number</source>
        <translation>quantity: %1 no es un número positivo</translation>
    </message>
    <message>
        <source>from and to are both %1: a transfer moves stock between two locations</source>
        <translation>origen y destino son ambos %1: una transferencia mueve existencias entre dos ubicaciones</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>&quot;%1&quot; no es una ubicación: escriba warehouse:NOMBRE o van:TÉCNICO</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>no existe la pieza %1</translation>
    </message>
    <message>
        <source>no technician %1 for the van %2</source>
        <translation>no existe el técnico %1 para la furgoneta %2</translation>
    </message>
    <message>
        <source>no warehouse %1 holds any stock</source>
        <translation>ningún almacén %1 tiene existencias</translation>
    </message>
    <message>
        <source>there is no %1 at %2 to move</source>
        <translation>no hay %1 en %2 para mover</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than the %4 to move</source>
        <translation>%1 tiene %2 de %3, menos que los %4 a mover</translation>
    </message>
    <message>
        <source>min_quantity: %1 is not a number of 0 or more</source>
        <translation>min_quantity: %1 no es un número mayor o igual que 0</translation>
    </message>
    <message>
        <source>there is no %1 at %2 any more</source>
        <translation>ya no hay %1 en %2</translation>
    </message>
    <message>
        <source>the reorder point of %1 at %2 is %3 now, not %4: someone changed it meanwhile</source>
        <translation>el punto de pedido de %1 en %2 es ahora %3, no %4: alguien lo cambió mientras tanto</translation>
    </message>
</context>
<context>
    <name>SuggestionLoader</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>la orden de trabajo %1 no existe</translation>
    </message>
    <message>
        <source>work order %1 is %2: there is nothing to schedule</source>
        <translation>la orden de trabajo %1 está %2: no hay nada que programar</translation>
    </message>
</context>
<context>
    <name>SuggestionText</name>
    <message>
        <source>the skill %1</source>
        <translation>la competencia %1</translation>
    </message>
    <message>
        <source>the skills %1</source>
        <translation>las competencias %1</translation>
    </message>
    <message>
        <source>no skill required</source>
        <translation>no requiere competencias</translation>
    </message>
    <message>
        <source>skill %1</source>
        <translation>competencia %1</translation>
    </message>
    <message>
        <source>skills %1</source>
        <translation>competencias %1</translation>
    </message>
    <message>
        <source>%1 min away</source>
        <translation>a %1 min</translation>
    </message>
    <message>
        <source>no SLA due</source>
        <translation>sin vencimiento de SLA</translation>
    </message>
    <message>
        <source>within SLA, %1 to spare</source>
        <translation>dentro del SLA, con %1 de margen</translation>
    </message>
    <message>
        <source>%1 after SLA</source>
        <translation>%1 después del SLA</translation>
    </message>
    <message>
        <source>inside the customer&apos;s window</source>
        <translation>dentro de la franja del cliente</translation>
    </message>
    <message>
        <source>%1 booked that day</source>
        <translation>%1 reservado ese día</translation>
    </message>
    <message>
        <source>nothing else booked that day</source>
        <translation>nada más reservado ese día</translation>
    </message>
    <message>
        <source>the one active technician is off or full until %1</source>
        <translation>el único técnico activo está de descanso o completo hasta %1</translation>
    </message>
    <message>
        <source>all %1 active technicians are off or full until %2</source>
        <translation>los %1 técnicos activos están de descanso o completos hasta %2</translation>
    </message>
    <message>
        <source>1 technician has %1; they are off or full until %2</source>
        <translation>1 técnico tiene %1; está de descanso o completo hasta %2</translation>
    </message>
    <message>
        <source>%1 technicians have %2; all are off or full until %3</source>
        <translation>%1 técnicos tienen %2; todos están de descanso o completos hasta %3</translation>
    </message>
    <message>
        <source>there is no active technician</source>
        <translation>no hay ningún técnico activo</translation>
    </message>
    <message>
        <source>no active technician has %1</source>
        <translation>ningún técnico activo tiene %1</translation>
    </message>
    <message>
        <source>the customer&apos;s window %1 – %2 leaves no room for the visit between %3 and %4</source>
        <translation>la franja del cliente %1 – %2 no deja hueco para la visita entre %3 y %4</translation>
    </message>
    <message>
        <source>carries the parts</source>
        <translation>lleva las piezas</translation>
    </message>
    <message>
        <source>van lacks %1</source>
        <extracomment>%1 lists what the technician&apos;s van is missing of the work order&apos;s parts, e.g. &quot;2 × FLT-100, 1 × BELT-3&quot;.</extracomment>
        <translation>a la furgoneta le faltan %1</translation>
    </message>
</context>
<context>
    <name>TechnicianForm</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
</context>
<context>
    <name>TechnicianNotices</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) en %3</translation>
    </message>
    <message>
        <source>Visit %1 at %2 is no longer yours today: %3</source>
        <translation>La visita %1 a las %2 ya no es suya hoy: %3</translation>
    </message>
    <message>
        <source>New visit today %1–%2: %3</source>
        <translation>Nueva visita hoy %1–%2: %3</translation>
    </message>
    <message>
        <source>Visit moved: %1–%2, was %3–%4: %5</source>
        <translation>Visita movida: %1–%2, antes %3–%4: %5</translation>
    </message>
    <message>
        <source>technician_id: choose at least one technician</source>
        <translation>technician_id: elija al menos un técnico</translation>
    </message>
    <message>
        <source>body: the message is empty</source>
        <translation>body: el mensaje está vacío</translation>
    </message>
    <message>
        <source>body: the message is longer than %1 characters</source>
        <translation>body: el mensaje tiene más de %1 caracteres</translation>
    </message>
    <message>
        <source>technician_id: no technician %1</source>
        <translation>technician_id: no existe el técnico %1</translation>
    </message>
</context>
<context>
    <name>TechnicianRules</name>
    <message>
        <source>give the technician an id (like T-042)</source>
        <translation>asigne un identificador al técnico (por ejemplo, T-042)</translation>
    </message>
    <message>
        <source>an id has 1 to %1 characters and no spaces</source>
        <translation>un identificador tiene entre 1 y %1 caracteres y ningún espacio</translation>
    </message>
    <message>
        <source>the name is required</source>
        <translation>el nombre es obligatorio</translation>
    </message>
    <message>
        <source>keep the name to %1 characters</source>
        <translation>limite el nombre a %1 caracteres</translation>
    </message>
    <message>
        <source>choose one of %1</source>
        <translation>elija uno de %1</translation>
    </message>
    <message>
        <source>where the technician starts the day: a latitude is required</source>
        <translation>dónde empieza la jornada el técnico: la latitud es obligatoria</translation>
    </message>
    <message>
        <source>where the technician starts the day: a longitude is required</source>
        <translation>dónde empieza la jornada el técnico: la longitud es obligatoria</translation>
    </message>
    <message>
        <source>choose the time zone the shift is worked in</source>
        <translation>elija la zona horaria en la que se trabaja el turno</translation>
    </message>
    <message>
        <source>the shift must end after it starts (%1)</source>
        <translation>el turno debe terminar después de empezar (%1)</translation>
    </message>
    <message>
        <source>choose at least one working day</source>
        <translation>elija al menos un día laborable</translation>
    </message>
    <message>
        <source>technician %1 already exists</source>
        <translation>el técnico %1 ya existe</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>zona desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>competencias desconocidas: %1</translation>
    </message>
    <message>
        <source>technician %1 does not exist</source>
        <translation>el técnico %1 no existe</translation>
    </message>
</context>
<context>
    <name>TimeEntryFlags</name>
    <message>
        <source>overlaps entry %1 of the same technician</source>
        <translation>se solapa con el registro %1 del mismo técnico</translation>
    </message>
    <message>
        <source>outside the technician&apos;s visits of this work order</source>
        <translation>fuera de las visitas del técnico para esta orden de trabajo</translation>
    </message>
    <message>
        <source>billable time without a comment of what was done</source>
        <translation>tiempo facturable sin comentario sobre el trabajo realizado</translation>
    </message>
    <message>
        <source>starts %1 min before the arrival the GPS shows</source>
        <translation>empieza %1 min antes de la llegada que muestra el GPS</translation>
    </message>
    <message>
        <source>starts %1 min after the arrival the GPS shows</source>
        <translation>empieza %1 min después de la llegada que muestra el GPS</translation>
    </message>
    <message>
        <source>ends %1 min before the arrival the GPS shows</source>
        <translation>termina %1 min antes de la llegada que muestra el GPS</translation>
    </message>
    <message>
        <source>ends %1 min after the arrival the GPS shows</source>
        <translation>termina %1 min después de la llegada que muestra el GPS</translation>
    </message>
    <message>
        <source>starts %1 min before the departure the GPS shows</source>
        <translation>empieza %1 min antes de la salida que muestra el GPS</translation>
    </message>
    <message>
        <source>starts %1 min after the departure the GPS shows</source>
        <translation>empieza %1 min después de la salida que muestra el GPS</translation>
    </message>
    <message>
        <source>ends %1 min before the departure the GPS shows</source>
        <translation>termina %1 min antes de la salida que muestra el GPS</translation>
    </message>
    <message>
        <source>ends %1 min after the departure the GPS shows</source>
        <translation>termina %1 min después de la salida que muestra el GPS</translation>
    </message>
</context>
<context>
    <name>TimeEntryReview</name>
    <message>
        <source>no time entry %1</source>
        <translation>no existe el registro de horas %1</translation>
    </message>
    <message>
        <source>time entry %1 is at version %2, not version %3: it changed since it was read</source>
        <translation>el registro de horas %1 está en la versión %2, no en la %3: ha cambiado desde que se leyó</translation>
    </message>
    <message>
        <source>time entry %1: %2</source>
        <translation>registro de tiempo %1: %2</translation>
    </message>
    <message>
        <source>a start time is needed</source>
        <translation>se necesita una hora de inicio</translation>
    </message>
    <message>
        <source>an end time is needed</source>
        <translation>se necesita una hora de fin</translation>
    </message>
    <message>
        <source>the end must be after the start</source>
        <translation>el fin debe ser posterior al inicio</translation>
    </message>
</context>
<context>
    <name>TravelSpeedReport</name>
    <message>
        <source>planning counts the straight-line time × %1</source>
        <translation>la planificación cuenta el tiempo en línea recta × %1</translation>
    </message>
    <message>
        <source>not enough history (%1 of %2 legs): straight-line times</source>
        <translation>historial insuficiente (%1 de %2 tramos): tiempos en línea recta</translation>
    </message>
    <message>
        <source>not slower than the straight-line model: its times (planning never counts less)</source>
        <translation>no es más lento que el modelo en línea recta: sus tiempos (la planificación nunca cuenta menos)</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Optimize %1: %n visit(s)</source>
        <translation>
            <numerusform>Optimizar %1: %n visita</numerusform>
            <numerusform>Optimizar %1: %n visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n preventive work order(s)</source>
        <translation>
            <numerusform>Generar %n orden de trabajo preventiva</numerusform>
            <numerusform>Generar %n órdenes de trabajo preventivas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserAccount</name>
    <message>
        <source>Dispatcher</source>
        <translation>Coordinador</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planificador</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Field gateway</source>
        <extracomment>The role of the field gateway&apos;s login (the technicians&apos; phone backend), not a person&apos;s</extracomment>
        <translation>Gateway de campo</translation>
    </message>
</context>
<context>
    <name>UserDirectory</name>
    <message>
        <source>the server refused: %1</source>
        <translation>el servidor lo ha rechazado: %1</translation>
    </message>
    <message>
        <source>a user name has 1 to 63 bytes (UTF-8)</source>
        <translation>un nombre de usuario tiene entre 1 y 63 bytes (UTF-8)</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;, expected one of %2</source>
        <translation>rol desconocido &quot;%1&quot;; se esperaba uno de %2</translation>
    </message>
    <message>
        <source>users and roles exist only on a PostgreSQL server; a SQLite file has none</source>
        <translation>los usuarios y roles solo existen en un servidor PostgreSQL; un archivo SQLite no los tiene</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>el servidor no ha indicado qué puede hacer este usuario</translation>
    </message>
    <message>
        <source>this database predates user management; run `fieldops-cli init` to migrate it</source>
        <translation>esta base de datos es anterior a la gestión de usuarios; ejecute `fieldops-cli init` para migrarla</translation>
    </message>
    <message>
        <source>only a FieldOps admin may manage users, and %1 is not one</source>
        <translation>solo un administrador de FieldOps puede gestionar usuarios, y %1 no lo es</translation>
    </message>
    <message>
        <source>unknown territory %1</source>
        <translation>zona desconocida %1</translation>
    </message>
    <message>
        <source>you cannot change your own role (%1); ask another admin</source>
        <translation>no puede cambiar su propio rol (%1); pídaselo a otro administrador</translation>
    </message>
    <message>
        <source>you cannot disable your own login (%1); ask another admin</source>
        <translation>no puede desactivar su propio inicio de sesión (%1); pídaselo a otro administrador</translation>
    </message>
</context>
<context>
    <name>UserReport</name>
    <message>
        <source>LOGIN</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROL</translation>
    </message>
    <message>
        <source>TERRITORIES</source>
        <translation>ZONAS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(todas)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuario</numerusform>
            <numerusform>%n usuarios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationReport</name>
    <message>
        <source>KIND</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>GRAVEDAD</translation>
    </message>
    <message>
        <source>TECHNICIAN</source>
        <translation>TÉCNICO</translation>
    </message>
    <message>
        <source>APPOINTMENTS</source>
        <translation>CITAS</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETALLE</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n infracción</numerusform>
            <numerusform>%n infracciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 está en el futuro</translation>
    </message>
    <message>
        <source>say when the technician arrived</source>
        <translation>indique cuándo llegó el técnico</translation>
    </message>
    <message numerus="yes">
        <source>the arrival is more than %n hour(s) before the visit&apos;s start</source>
        <translation>
            <numerusform>la llegada es más de %n hora antes del inicio de la visita</numerusform>
            <numerusform>la llegada es más de %n horas antes del inicio de la visita</numerusform>
        </translation>
    </message>
    <message>
        <source>say when the work ended</source>
        <translation>indique cuándo terminó el trabajo</translation>
    </message>
    <message>
        <source>the work cannot end before the technician arrived</source>
        <translation>el trabajo no puede terminar antes de que llegara el técnico</translation>
    </message>
    <message>
        <source>the technician cannot leave before the work ended</source>
        <translation>el técnico no puede irse antes de que termine el trabajo</translation>
    </message>
    <message>
        <source>the departure cannot be before the arrival</source>
        <translation>la salida no puede ser antes de la llegada</translation>
    </message>
    <message>
        <source>a resolved visit has no reason for not resolving</source>
        <translation>una visita resuelta no tiene motivo de no resolución</translation>
    </message>
    <message>
        <source>say why the job is not resolved</source>
        <translation>indique por qué el trabajo no se resolvió</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; no es uno de %2</translation>
    </message>
    <message>
        <source>the notes are longer than %1 characters</source>
        <translation>las notas tienen más de %1 caracteres</translation>
    </message>
    <message>
        <source>the name is longer than %1 characters</source>
        <translation>el nombre tiene más de %1 caracteres</translation>
    </message>
    <message>
        <source>only a visit not resolved for missing parts lists parts</source>
        <translation>solo una visita no resuelta por falta de piezas enumera piezas</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: la cantidad debe ser mayor que 0</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeRecorder</name>
    <message>
        <source>visit %1 does not exist</source>
        <translation>la visita %1 no existe</translation>
    </message>
    <message>
        <source>status: visit %1 is cancelled; a cancelled visit has no outcome</source>
        <translation>estado: la visita %1 está cancelada; una visita cancelada no tiene resultado</translation>
    </message>
    <message>
        <source>resolved: work order %1 is cancelled; a cancelled job cannot be resolved</source>
        <translation>resolved: la orden de trabajo %1 está cancelada; un trabajo cancelado no puede resolverse</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Tentative</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En camino</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>En el emplazamiento</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Corrective (repair)</source>
        <translation>Correctivo (reparación)</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspección</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Around the clock (24×7)</source>
        <translation>Las 24 horas (24×7)</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Horario laboral</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>al mes</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>al trimestre</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>al año</translation>
    </message>
    <message>
        <source>Needs parts</source>
        <translation>Faltan piezas</translation>
    </message>
    <message>
        <source>Customer absent</source>
        <translation>Cliente ausente</translation>
    </message>
    <message>
        <source>Needs a second visit</source>
        <translation>Necesita una segunda visita</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Derivado a otro</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corregido</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
</context>
<context>
    <name>WarrantyNote</name>
    <message>
        <source>Asset %1 is under warranty until %2</source>
        <translation>El equipo %1 está en garantía hasta el %2</translation>
    </message>
</context>
<context>
    <name>WorkOrderIntake</name>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>un identificador tiene entre 1 y 64 caracteres y ningún espacio</translation>
    </message>
    <message>
        <source>choose the site where the work is done</source>
        <translation>elija el emplazamiento donde se realiza el trabajo</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; no es uno de %2</translation>
    </message>
    <message>
        <source>%1 is more than a week (%2 minutes)</source>
        <translation>%1 es más de una semana (%2 minutos)</translation>
    </message>
    <message>
        <source>the customer&apos;s window must end after it starts</source>
        <translation>la franja del cliente debe terminar después de empezar</translation>
    </message>
    <message>
        <source>the time the call came in is missing</source>
        <translation>falta la hora en que se recibió la llamada</translation>
    </message>
    <message>
        <source>the SLA must fall due after the work order was created</source>
        <translation>el SLA debe vencer después de la creación de la orden de trabajo</translation>
    </message>
    <message>
        <source>a new work order starts open</source>
        <translation>una orden de trabajo nueva empieza como abierta</translation>
    </message>
    <message>
        <source>keep the summary to %1 characters (it has %2)</source>
        <translation>limite el resumen a %1 caracteres (tiene %2)</translation>
    </message>
    <message>
        <source>the description is longer than %1 characters</source>
        <translation>la descripción supera los %1 caracteres</translation>
    </message>
    <message>
        <source>the reason is longer than %1 characters</source>
        <translation>el motivo supera los %1 caracteres</translation>
    </message>
    <message>
        <source>work order %1 already exists</source>
        <translation>la orden de trabajo %1 ya existe</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>emplazamiento desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to %3</source>
        <translation>el emplazamiento %1 pertenece al cliente %2, no a %3</translation>
    </message>
    <message>
        <source>unknown asset &quot;%1&quot;</source>
        <translation>equipo desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>asset %1 is at site %2, not at %3</source>
        <translation>el equipo %1 está en el emplazamiento %2, no en %3</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>contrato desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>contract %1 is customer %2&apos;s, not the site&apos;s customer %3</source>
        <translation>el contrato %1 es del cliente %2, no del cliente del emplazamiento %3</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>competencias desconocidas: %1</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>la orden de trabajo %1 no existe</translation>
    </message>
    <message>
        <source>cancel_reason: say why the work order is cancelled</source>
        <translation>cancel_reason: indique por qué se cancela la orden de trabajo</translation>
    </message>
    <message>
        <source>cancel_reason: the reason is longer than %1 characters</source>
        <translation>cancel_reason: el motivo supera los %1 caracteres</translation>
    </message>
    <message>
        <source>status: work order %1 is already cancelled</source>
        <translation>status: la orden de trabajo %1 ya está cancelada</translation>
    </message>
    <message>
        <source>status: work order %1 is done; a finished job cannot be cancelled</source>
        <translation>status: la orden de trabajo %1 está terminada; un trabajo finalizado no se puede cancelar</translation>
    </message>
    <message>
        <source>unknown part(s): %1</source>
        <translation>pieza(s) desconocida(s): %1</translation>
    </message>
</context>
<context>
    <name>WorkOrderJson</name>
    <message>
        <source>expected text, not the number %1</source>
        <translation>se esperaba texto, no el número %1</translation>
    </message>
    <message>
        <source>expected %1, not true or false</source>
        <translation>se esperaba %1, no true ni false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>expected a single value, not a list</source>
        <translation>se esperaba un único valor, no una lista</translation>
    </message>
    <message>
        <source>expected a list of skill codes (text)</source>
        <translation>se esperaba una lista de códigos de competencia (texto)</translation>
    </message>
    <message>
        <source>expected a single value, not an object</source>
        <translation>se esperaba un único valor, no un objeto</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>JSON no válido en la posición %1: %2</translation>
    </message>
    <message>
        <source>expected one JSON object with the work order&apos;s fields</source>
        <translation>se esperaba un objeto JSON con los campos de la orden de trabajo</translation>
    </message>
    <message>
        <source>expected the whole number of the version you last read</source>
        <translation>se esperaba el número entero de la última versión que leyó</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>se requiere un valor</translation>
    </message>
</context>
<context>
    <name>WorkOrderStoryPage</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>No resuelta</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>No resuelta: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (serie %2)</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>Vencimiento del SLA</translation>
    </message>
    <message>
        <source>Return visit of</source>
        <translation>Visita de vuelta de</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>Visitas de vuelta</translation>
    </message>
    <message>
        <source>No visit booked yet.</source>
        <translation>Aún no hay ninguna visita reservada.</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Firmado por %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificada</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salió</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>No time booked.</source>
        <translation>No se ha registrado tiempo.</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>facturable</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>no facturable</translation>
    </message>
    <message>
        <source>Booked %1, of which billable %2</source>
        <translation>Registrado %1, de ello facturable %2</translation>
    </message>
    <message>
        <source>; %1 not reviewed yet (not billed until approved)</source>
        <translation>; %1 aún sin revisar (no se factura hasta que se apruebe)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se hizo</translation>
    </message>
    <message>
        <source>No parts used.</source>
        <translation>No se usaron piezas.</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Pieza</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Taken from</source>
        <translation>Tomada de</translation>
    </message>
    <message>
        <source>not reserved</source>
        <translation>no reservada</translation>
    </message>
    <message>
        <source>Reserved at</source>
        <translation>Reservada en</translation>
    </message>
    <message>
        <source>%1 of 5, %2</source>
        <translation>%1 de 5, %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>leída %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>entregada %1</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>aún no entregada</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Nothing: the job is done.</source>
        <translation>Nada: el trabajo está terminado.</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled.</source>
        <translation>Nada: el trabajo se canceló.</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled (%1).</source>
        <translation>Nada: el trabajo se canceló (%1).</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2.</source>
        <translation>La última visita (%1) terminó %2.</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2 (“%3”).</source>
        <translation>La última visita (%1) terminó %2 («%3»).</translation>
    </message>
    <message>
        <source>The return visit is work order %1 (%2).</source>
        <translation>La visita de vuelta es la orden de trabajo %1 (%2).</translation>
    </message>
    <message>
        <source>A visit is booked.</source>
        <translation>Hay una visita reservada.</translation>
    </message>
    <message>
        <source>No visit is booked yet.</source>
        <translation>Aún no hay ninguna visita reservada.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>Piezas usadas</translation>
    </message>
    <message>
        <source>Parts needed</source>
        <translation>Piezas necesarias</translation>
    </message>
    <message>
        <source>Customer&apos;s rating</source>
        <translation>Valoración del cliente</translation>
    </message>
    <message>
        <source>Notices to the technicians</source>
        <translation>Avisos a los técnicos</translation>
    </message>
    <message>
        <source>What remains</source>
        <translation>Lo que queda</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>Orden de trabajo %1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Billing %1 to %2: %3 customer and contract rows, %4 lines, total %5.
</source>
        <translation>Facturación del %1 al %2: %3 filas de clientes y contratos, %4 líneas, total %5.
</translation>
    </message>
    <message>
        <source>Time entries awaiting review (not billed): %1.
</source>
        <translation>Registros de horas pendientes de revisión (no facturados): %1.
</translation>
    </message>
    <message>
        <source>First day of the period (YYYY-MM-DD, UTC).</source>
        <translation>Primer día del período (YYYY-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Last day of the period (YYYY-MM-DD, UTC).</source>
        <translation>Último día del período (YYYY-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Directory to write the files into (created if missing).</source>
        <translation>Directorio en el que escribir los archivos (se crea si no existe).</translation>
    </message>
    <message>
        <source>Print the summary rows as one JSON object.</source>
        <translation>Imprime las filas del resumen como un único objeto JSON.</translation>
    </message>
    <message>
        <source>Bill a period: per customer and contract the approved billable time (approved or corrected
entries), the included hours of the contract for the period, the hours beyond at its rate, its
fixed fee and the parts used; pending entries are counted, not billed. Writes
billing_summary.csv, billing_lines.csv and billing.pdf into DIR.</source>
        <translation>Factura un período: por cliente y contrato, el tiempo facturable aprobado (registros aprobados o
corregidos), las horas incluidas en el contrato para el período, las horas adicionales según su tarifa,
su cuota fija y las piezas utilizadas; los registros pendientes se cuentan, pero no se facturan. Escribe
billing_summary.csv, billing_lines.csv y billing.pdf en DIR.</translation>
    </message>
    <message>
        <source>billing takes no arguments (got &quot;%1&quot;)</source>
        <translation>billing no admite argumentos (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>billing needs --from, --to and --out, e.g. fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</source>
        <translation>billing necesita --from, --to y --out, p. ej., fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</translation>
    </message>
    <message>
        <source>--out needs a directory</source>
        <translation>--out necesita un directorio</translation>
    </message>
    <message>
        <source>No preventive work falls in this horizon.</source>
        <translation>No hay trabajo preventivo en este horizonte.</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sin zona)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Demand h</source>
        <translation>Demanda h</translation>
    </message>
    <message>
        <source>Available h</source>
        <translation>Disponible h</translation>
    </message>
    <message>
        <source>Booked h</source>
        <translation>Reservado h</translation>
    </message>
    <message>
        <source>OVERLOADED</source>
        <translation>SOBRECARGADA</translation>
    </message>
    <message numerus="yes">
        <source>Levelling moved %n occurrence(s):</source>
        <translation>
            <numerusform>La nivelación ha movido %n repetición:</numerusform>
            <numerusform>La nivelación ha movido %n repeticiones:</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1: %2 → %3</source>
        <translation>plan %1: %2 → %3</translation>
    </message>
    <message>
        <source>Preview the occurrences due in the next N days (0 … %1).</source>
        <translation>Muestra una vista previa de las repeticiones que vencen en los próximos N días (0 … %1).</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today, UTC).</source>
        <translation>Primer día del horizonte (predeterminado: hoy, UTC).</translation>
    </message>
    <message>
        <source>Move occurrences within their allowed window to flatten overloaded weeks; show the levelled table and the moves.</source>
        <translation>Mueve las repeticiones dentro de su franja permitida para aplanar las semanas sobrecargadas; muestra la tabla nivelada y los movimientos.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>Imprime el resultado como un único objeto JSON.</translation>
    </message>
    <message>
        <source>Per ISO week and territory: the hours of the preventive work generate-pm would create against the
free hours of the technicians holding the skills (shifts less absences and bookings). Writes nothing.</source>
        <translation>Por semana ISO y zona: las horas de trabajo preventivo que crearía generate-pm frente a las
horas libres de los técnicos con las competencias (turnos menos ausencias y reservas). No escribe nada.</translation>
    </message>
    <message>
        <source>capacity-preview takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>capacity-preview no admite argumentos aparte de sus opciones (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--today: &quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--today: &quot;%1&quot; no es una fecha (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Usage: fieldops-cli [--db URL] %1</source>
        <translation>Uso: fieldops-cli [--db URL] %1</translation>
    </message>
    <message>
        <source>%1 holds no FieldOps schema; run `fieldops-cli --db URL init` first</source>
        <translation>%1 no contiene ningún esquema de FieldOps; ejecute antes `fieldops-cli --db URL init`</translation>
    </message>
    <message>
        <source>%1: a number of days is required, e.g. %1 %2</source>
        <translation>%1: se requiere un número de días, p. ej., %1 %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number of days</source>
        <translation>%1: &quot;%2&quot; no es un número entero de días</translation>
    </message>
    <message>
        <source>%1: %2 is outside [0, %3]</source>
        <translation>%1: %2 está fuera de [0, %3]</translation>
    </message>
    <message>
        <source>--from needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--from necesita una fecha YYYY-MM-DD (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--to needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--to necesita una fecha YYYY-MM-DD (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2)</source>
        <translation>--to (%1) es anterior a --from (%2)</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 durante %4 min</translation>
    </message>
    <message>
        <source>%1 rate %2 %3 per hour over %4 min</source>
        <translation>%1 tasa %2 %3 por hora durante %4 min</translation>
    </message>
    <message>
        <source>%1 every %2</source>
        <translation>%1 cada %2</translation>
    </message>
    <message>
        <source>%1 outside mean ± %2 sd for %3 min (baseline %4 weeks)</source>
        <translation>%1 fuera de media ± %2 desv. est. durante %3 min (referencia: %4 semanas)</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>equipo %1</translation>
    </message>
    <message>
        <source>%1  %2, %3: %4 → %5 &quot;%6&quot; (priority %7)%8</source>
        <translation>%1  %2, %3: %4 → %5 &quot;%6&quot; (prioridad %7)%8</translation>
    </message>
    <message>
        <source>, inactive</source>
        <translation>, inactiva</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>no se puede leer la entrada estándar</translation>
    </message>
    <message>
        <source>No condition rules.</source>
        <translation>No hay reglas de condición.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Imprime el resultado como JSON.</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601 with an offset or Z).</source>
        <translation>Inicio del intervalo (ISO 8601 con desfase o Z).</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601 with an offset or Z).</source>
        <translation>Fin del intervalo, no incluido (ISO 8601 con desfase o Z).</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Imprime JSON en lugar de una tabla.</translation>
    </message>
    <message>
        <source>Check the schedule&apos;s rules for appointments intersecting [from, to): overlap (hard); travel, shift, absence, skill, window, sla (soft).</source>
        <translation>Comprueba las reglas de la planificación en las citas que coinciden con [from, to): solapamiento (estricta); desplazamiento, turno, ausencia, competencia, franja, SLA (flexibles).</translation>
    </message>
    <message>
        <source>conflicts takes no arguments, only --from, --to and --json</source>
        <translation>conflicts no admite argumentos, solo --from, --to y --json</translation>
    </message>
    <message>
        <source>conflicts needs --from T and --to T</source>
        <translation>conflicts necesita --from T y --to T</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from &quot;%1&quot; no es una marca de tiempo ISO 8601 con desfase o Z</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--to &quot;%1&quot; no es una marca de tiempo ISO 8601 con desfase o Z</translation>
    </message>
    <message>
        <source>--to must be after --from</source>
        <translation>--to debe ser posterior a --from</translation>
    </message>
    <message>
        <source>Another evaluation is running (%1); nothing done.</source>
        <translation>Se está ejecutando otra evaluación (%1); no se ha hecho nada.</translation>
    </message>
    <message>
        <source>opened     rule %1, asset %2, since %3: %4 (%5)</source>
        <translation>abierto     regla %1, equipo %2, desde %3: %4 (%5)</translation>
    </message>
    <message>
        <source>no work order: dry run</source>
        <translation>sin orden de trabajo: simulación</translation>
    </message>
    <message>
        <source>continued  rule %1, asset %2, since %3: %4</source>
        <translation>continúa    regla %1, equipo %2, desde %3: %4</translation>
    </message>
    <message>
        <source>cleared    rule %1, asset %2, since %3: %4</source>
        <translation>resuelto    regla %1, equipo %2, desde %3: %4</translation>
    </message>
    <message>
        <source>rules: %1, assets: %2; opened %3, continued %4, cleared %5</source>
        <translation>reglas: %1, equipos: %2; abiertos %3, continuados %4, resueltos %5</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (simulación: no se ha escrito nada)</translation>
    </message>
    <message>
        <source>Report what would change; write nothing.</source>
        <translation>Informa de lo que cambiaría; no escribe nada.</translation>
    </message>
    <message>
        <source>Evaluate as of this instant (ISO 8601 with an offset or Z; default now).</source>
        <translation>Evalúa en este instante (ISO 8601 con desfase o Z; predeterminado: ahora).</translation>
    </message>
    <message>
        <source>Evaluate every active condition rule on the readings of its assets: a breach without an open
episode opens one with its work order, a breach with one continues it, a recovery clears it.
One transaction; a second run opens nothing more.</source>
        <translation>Evalúa todas las reglas de condición activas sobre las lecturas de sus equipos: un incumplimiento sin episodio
abierto abre uno con su orden de trabajo, un incumplimiento con episodio lo continúa y una recuperación lo resuelve.
Una sola transacción; una segunda ejecución no abre nada más.</translation>
    </message>
    <message>
        <source>evaluate-conditions takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>evaluate-conditions no admite argumentos aparte de sus opciones (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--at: &quot;%1&quot; is not an ISO 8601 time with an offset or Z</source>
        <translation>--at: &quot;%1&quot; no es una hora ISO 8601 con desfase o Z</translation>
    </message>
    <message>
        <source>Directory to write the CSV files into (created if missing).</source>
        <translation>Directorio en el que escribir los archivos CSV (se crea si no existe).</translation>
    </message>
    <message>
        <source>Export every entity as the CSV files `import` reads.</source>
        <translation>Exporta todas las entidades como los archivos CSV que lee `import`.</translation>
    </message>
    <message>
        <source>export needs exactly one directory</source>
        <translation>export necesita exactamente un directorio</translation>
    </message>
    <message>
        <source>exported %1 rows into %2 files</source>
        <translation>se han exportado %1 filas en %2 archivos</translation>
    </message>
    <message numerus="yes">
        <source>Would create %n preventive work order(s) (dry run: nothing written).</source>
        <translation>
            <numerusform>Se crearía %n orden de trabajo preventiva (simulación: no se ha escrito nada).</numerusform>
            <numerusform>Se crearían %n órdenes de trabajo preventivas (simulación: no se ha escrito nada).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s).</source>
        <translation>
            <numerusform>Se ha creado %n orden de trabajo preventiva.</numerusform>
            <numerusform>Se han creado %n órdenes de trabajo preventivas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  plan %2, asset %3, due %4</source>
        <translation>%1  plan %2, equipo %3, vence el %4</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n occurrence(s):</source>
        <translation>
            <numerusform>Se ha omitido %n repetición:</numerusform>
            <numerusform>Se han omitido %n repeticiones:</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1, due %2: %3 (%4)</source>
        <translation>plan %1, vence el %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Generate the occurrences due in the next N days (0 … %1).</source>
        <translation>Genera las repeticiones que vencen en los próximos N días (0 … %1).</translation>
    </message>
    <message>
        <source>Report what would be created; write nothing.</source>
        <translation>Informa de lo que se crearía; no escribe nada.</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today in each site&apos;s time zone).</source>
        <translation>Primer día del horizonte (predeterminado: hoy en la zona horaria de cada emplazamiento).</translation>
    </message>
    <message>
        <source>Level the capacity first (as capacity-preview --level does for the same horizon) and generate the moved occurrences on their levelled days.</source>
        <translation>Nivela antes la capacidad (como hace capacity-preview --level para el mismo horizonte) y genera las repeticiones movidas en sus días nivelados.</translation>
    </message>
    <message>
        <source>Create the preventive work orders the maintenance plans call for in the next N days:
one per occurrence, once (a second run creates nothing), all in one transaction.
With --level, occurrences in overloaded weeks are due on the days the capacity levelling
moves them to (capacity-preview --level shows the moves); &quot;due&quot; is then the moved day.</source>
        <translation>Crea las órdenes de trabajo preventivas que requieren los planes de mantenimiento en los próximos N días:
una por repetición, una sola vez (una segunda ejecución no crea nada), todo en una transacción.
Con --level, las repeticiones de semanas sobrecargadas vencen en los días a los que las mueve la nivelación
de capacidad (capacity-preview --level muestra los movimientos); el vencimiento es entonces el día movido.</translation>
    </message>
    <message>
        <source>generate-pm takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>generate-pm no admite argumentos aparte de sus opciones (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Directory of CSV files (the CSV interchange in the README).</source>
        <translation>Directorio de archivos CSV (el intercambio CSV descrito en el README).</translation>
    </message>
    <message>
        <source>IANA time zone for technicians and sites without one (default UTC).</source>
        <translation>Zona horaria IANA para técnicos y emplazamientos que no la tengan (predeterminada: UTC).</translation>
    </message>
    <message>
        <source>Import a directory of CSV files: all rows or none. Problems are reported as file:line: column: reason.</source>
        <translation>Importa un directorio de archivos CSV: todas las filas o ninguna. Los problemas se indican como archivo:línea: columna: motivo.</translation>
    </message>
    <message>
        <source>import needs exactly one directory</source>
        <translation>import necesita exactamente un directorio</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>advertencia: %1</translation>
    </message>
    <message>
        <source>lost the connection to the server during import; nothing was imported</source>
        <translation>se ha perdido la conexión con el servidor durante la importación; no se ha importado nada</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 filas</translation>
    </message>
    <message>
        <source>imported %1 rows from %2 files</source>
        <translation>se han importado %1 filas de %2 archivos</translation>
    </message>
    <message>
        <source>ingested 1 event</source>
        <translation>se ha recibido 1 evento</translation>
    </message>
    <message>
        <source>ingested %1 events</source>
        <translation>se han recibido %1 eventos</translation>
    </message>
    <message>
        <source>File of events, one JSON object per line; - reads standard input.</source>
        <translation>Archivo de eventos, un objeto JSON por línea; - lee la entrada estándar.</translation>
    </message>
    <message>
        <source>Print {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}.</source>
        <translation>Imprime {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}.</translation>
    </message>
    <message>
        <source>ingest needs exactly one file, or - for standard input</source>
        <translation>ingest necesita exactamente un archivo, o - para la entrada estándar</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: no se puede leer: %2</translation>
    </message>
    <message>
        <source>%1: %2: unknown key, ignored</source>
        <translation>%1: %2: clave desconocida, se ignora</translation>
    </message>
    <message>
        <source>Create the FieldOps schema in an empty database, or migrate an older one in place.</source>
        <translation>Crea el esquema de FieldOps en una base de datos vacía o migra uno anterior en el mismo lugar.</translation>
    </message>
    <message>
        <source>init takes no arguments</source>
        <translation>init no admite argumentos</translation>
    </message>
    <message>
        <source>schema already at version %1</source>
        <translation>el esquema ya está en la versión %1</translation>
    </message>
    <message>
        <source>schema at version %1 (was %2)</source>
        <translation>esquema en la versión %1 (era %2)</translation>
    </message>
    <message>
        <source>first day of the period (YYYY-MM-DD)</source>
        <translation>primer día del período (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>last day of the period, included (YYYY-MM-DD)</source>
        <translation>último día del período, incluido (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>time zone the days are counted in (IANA, default UTC)</source>
        <translation>zona horaria en la que se cuentan los días (IANA, predeterminada: UTC)</translation>
    </message>
    <message>
        <source>break down by: technician</source>
        <translation>desglosar por: technician</translation>
    </message>
    <message>
        <source>print JSON (INTERCHANGE §4)</source>
        <translation>imprime JSON (INTERCHANGE §4)</translation>
    </message>
    <message>
        <source>Key performance indicators for a period, overall or by technician.</source>
        <translation>Indicadores clave de rendimiento de un período, en total o por técnico.</translation>
    </message>
    <message>
        <source>kpi takes no positional arguments</source>
        <translation>kpi no admite argumentos posicionales</translation>
    </message>
    <message>
        <source>--to is before --from</source>
        <translation>--to es anterior a --from</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>zona horaria desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--by supports only &quot;technician&quot;</source>
        <translation>--by solo admite &quot;technician&quot;</translation>
    </message>
    <message>
        <source>KPIs %1 … %2 (%3)</source>
        <translation>KPI %1 … %2 (%3)</translation>
    </message>
    <message>
        <source>create or migrate the schema</source>
        <translation>crea o migra el esquema</translation>
    </message>
    <message>
        <source>fill the database with a deterministic demo operation</source>
        <translation>llena la base de datos con una operación de demostración determinista</translation>
    </message>
    <message>
        <source>import a directory of CSV files (all or nothing)</source>
        <translation>importa un directorio de archivos CSV (todo o nada)</translation>
    </message>
    <message>
        <source>export every entity as CSV files into a directory</source>
        <translation>exporta todas las entidades como archivos CSV a un directorio</translation>
    </message>
    <message>
        <source>check the schedule&apos;s rules (overlap, travel, shift, absence, skill, window, SLA)</source>
        <translation>comprueba las reglas de la planificación (solapamiento, desplazamiento, turno, ausencia, competencia, franja, SLA)</translation>
    </message>
    <message>
        <source>key performance indicators for a period (--from D --to D [--by technician] [--json])</source>
        <translation>indicadores clave de rendimiento de un período (--from D --to D [--by technician] [--json])</translation>
    </message>
    <message>
        <source>open, change or cancel a work order (create | update ID | cancel ID --reason TEXT; JSON on stdin)</source>
        <translation>abre, modifica o cancela una orden de trabajo (create | update ID | cancel ID --reason TEXT; JSON por stdin)</translation>
    </message>
    <message>
        <source>create the preventive work orders the maintenance plans call for (--horizon-days N [--dry-run] [--json])</source>
        <translation>crea las órdenes de trabajo preventivas que requieren los planes de mantenimiento (--horizon-days N [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>hours of the preventive work to come against the technicians&apos; free hours, per week and territory (--horizon-days N [--level] [--json])</source>
        <translation>horas del trabajo preventivo previsto frente a las horas libres de los técnicos, por semana y zona (--horizon-days N [--level] [--json])</translation>
    </message>
    <message>
        <source>rank feasible technicians and start times for a work order (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])</source>
        <translation>clasifica los técnicos y horas de inicio viables para una orden de trabajo (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])</translation>
    </message>
    <message>
        <source>plan a day&apos;s unassigned work orders around the booked visits, every new visit checked by the rules (--date D [--territory T] [--time-limit S] [--json] [--apply])</source>
        <translation>planifica las órdenes de trabajo sin asignar de un día en torno a las visitas reservadas; cada visita nueva se comprueba con las reglas (--date D [--territory T] [--time-limit S] [--json] [--apply])</translation>
    </message>
    <message>
        <source>review the technicians&apos; time: list with flags, approve, correct (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])</source>
        <translation>revisa el tiempo de los técnicos: lista con indicadores, aprobar, corregir (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])</translation>
    </message>
    <message>
        <source>approved time and parts per customer and contract with the contracts&apos; terms, as CSV and PDF (--from D --to D --out DIR [--json])</source>
        <translation>tiempo aprobado y piezas por cliente y contrato según las condiciones de los contratos, en CSV y PDF (--from D --to D --out DIR [--json])</translation>
    </message>
    <message>
        <source>take in the field gateway&apos;s events, one JSON object per line, all or nothing (FILE|- [--json])</source>
        <translation>recibe los eventos de la pasarela de campo, un objeto JSON por línea, todo o nada (FILE|- [--json])</translation>
    </message>
    <message>
        <source>evaluate the condition rules on the assets&apos; readings: open, continue or clear episodes and open their work orders ([--dry-run] [--json] [--at ISO-TIME])</source>
        <translation>evalúa las reglas de condición sobre las lecturas de los equipos: abre, continúa o resuelve episodios y abre sus órdenes de trabajo ([--dry-run] [--json] [--at ISO-TIME])</translation>
    </message>
    <message>
        <source>play the technicians&apos; phones live (--speed X --duration S --seed N)</source>
        <translation>simula en directo los teléfonos de los técnicos (--speed X --duration S --seed N)</translation>
    </message>
    <message>
        <source>PostgreSQL logins in FieldOps roles (admins): add, list, set-role, set-territories, disable, enable</source>
        <translation>cuentas de PostgreSQL en roles de FieldOps (administradores): add, list, set-role, set-territories, disable, enable</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db[?sslmode=…]
(default: FIELDOPS_DB, else the console&apos;s own SQLite file).
</source>
        <translation>URL de la base de datos: sqlite:///abs/path.db o postgresql://user[:password]@host:port/db[?sslmode=…]
(predeterminada: FIELDOPS_DB o, si no, el archivo SQLite propio de la consola).
</translation>
    </message>
    <message>
        <source>--verbose: after an error&apos;s one line, the database driver&apos;s own text.

Commands:
</source>
        <translation>--verbose: tras la línea del error, el texto del propio controlador de la base de datos.

Comandos:
</translation>
    </message>
    <message>
        <source>`fieldops-cli COMMAND --help` describes each command.</source>
        <translation>`fieldops-cli COMMAND --help` describe cada comando.</translation>
    </message>
    <message>
        <source>--db needs a URL</source>
        <translation>--db necesita una URL</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see fieldops-cli --help)</source>
        <translation>comando desconocido &quot;%1&quot; (consulte fieldops-cli --help)</translation>
    </message>
    <message>
        <source>%1: new visits: %2; travel to and from them: %3 min.
</source>
        <translation>%1: visitas nuevas: %2; desplazamiento de ida y vuelta: %3 min.
</translation>
    </message>
    <message>
        <source>  %1  %2  %3 – %4
</source>
        <translation>  %1  %2  %3 – %4
</translation>
    </message>
    <message>
        <source>Not placed: %1
</source>
        <translation>Sin colocar: %1
</translation>
    </message>
    <message>
        <source>Written.
</source>
        <translation>Escrito.
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to book these visits).
</source>
        <translation>No se ha escrito nada (añada --apply para reservar estas visitas).
</translation>
    </message>
    <message>
        <source>The day to plan (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>Día que se va a planificar (YYYY-MM-DD, en la zona horaria de cada técnico).</translation>
    </message>
    <message>
        <source>Only this territory&apos;s sites and technicians.</source>
        <translation>Solo los emplazamientos y técnicos de esta zona.</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search (decimal, default 5).</source>
        <translation>Segundos que puede buscar el optimizador (decimal, predeterminado: 5).</translation>
    </message>
    <message>
        <source>Print the plan as one JSON object.</source>
        <translation>Imprime el plan como un único objeto JSON.</translation>
    </message>
    <message>
        <source>Book the new visits, all in one transaction.</source>
        <translation>Reserva las visitas nuevas, todas en una transacción.</translation>
    </message>
    <message>
        <source>optimize takes no arguments (got &quot;%1&quot;)</source>
        <translation>optimize no admite argumentos (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>optimize needs --date, e.g. fieldops-cli optimize --date 2026-03-02</source>
        <translation>optimize necesita --date, p. ej., fieldops-cli optimize --date 2026-03-02</translation>
    </message>
    <message>
        <source>--date: &quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>--date: &quot;%1&quot; no es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>--time-limit: &quot;%1&quot; is not a number of seconds in (0, %2]</source>
        <translation>--time-limit: &quot;%1&quot; no es un número de segundos en (0, %2]</translation>
    </message>
    <message>
        <source>--territory needs a territory id</source>
        <translation>--territory necesita un identificador de zona</translation>
    </message>
    <message>
        <source>Seeded a demo field-service operation in São Paulo (America/Sao_Paulo) for %1 at %2 with seed %3: %4 technicians in 6 territories with %5 absences; %6 customers with %7 sites, %8 assets, %9 maintenance contracts and %10 preventive plans; %11 days of history and %12 days ahead with %13 work orders (%14 open in the dispatch queue), %15 appointments, %16 ratings and %17 time entries; %18 technician positions today. %19 rows written in %20 s.</source>
        <translation>Se ha generado una operación de servicio técnico de demostración en São Paulo (America/Sao_Paulo) para el %1 a las %2 con la semilla %3: %4 técnicos en 6 zonas con %5 ausencias; %6 clientes con %7 emplazamientos, %8 equipos, %9 contratos de mantenimiento y %10 planes preventivos; %11 días de historial y %12 días futuros con %13 órdenes de trabajo (%14 abiertas en la cola de asignación), %15 citas, %16 valoraciones y %17 registros de horas; %18 posiciones de técnicos hoy. %19 filas escritas en %20 s.</translation>
    </message>
    <message>
        <source>number of technicians, 1–5000 (default %1)</source>
        <translation>número de técnicos, 1–5000 (predeterminado: %1)</translation>
    </message>
    <message>
        <source>days of history before today, 0–3650 (default %1)</source>
        <translation>días de historial antes de hoy, 0–3650 (predeterminado: %1)</translation>
    </message>
    <message>
        <source>days of planned schedule and queue after today, 0–60 (default %1)</source>
        <translation>días de planificación y cola después de hoy, 0–60 (predeterminado: %1)</translation>
    </message>
    <message>
        <source>number of customers, 1–200000 (default %1)</source>
        <translation>número de clientes, 1–200000 (predeterminado: %1)</translation>
    </message>
    <message>
        <source>random seed, 0–4294967295 (default %1): the same seed and --today give the same data</source>
        <translation>semilla aleatoria, 0–4294967295 (predeterminada: %1): la misma semilla y --today generan los mismos datos</translation>
    </message>
    <message>
        <source>the demo&apos;s today (default: the current date)</source>
        <translation>el día de hoy de la demostración (predeterminado: la fecha actual)</translation>
    </message>
    <message>
        <source>the demo&apos;s current time on that day, São Paulo time (default 10:00)</source>
        <translation>la hora actual de la demostración ese día, hora de São Paulo (predeterminada: 10:00)</translation>
    </message>
    <message>
        <source>Fill an empty database with a deterministic demo operation in São Paulo: technicians, customers, sites, assets, contracts and preventive plans, the history of visits (so every KPI has values), today&apos;s and the next days&apos; schedule and queue, and today&apos;s technician positions. One transaction: all or nothing.

The schema is created first if the database has none. A database that already holds technicians, customers or work orders is refused (exit 1): there is no --force, start from an empty database instead.
Exit status: 0 seeded, 2 invalid option, 1 database not empty or other failure.</source>
        <translation>Llena una base de datos vacía con una operación de demostración determinista en São Paulo: técnicos, clientes, emplazamientos, equipos, contratos y planes preventivos, el historial de visitas (para que todos los KPI tengan valores), la planificación y la cola de hoy y de los próximos días, y las posiciones actuales de los técnicos. Una sola transacción: todo o nada.

Si la base de datos no tiene esquema, primero se crea. Se rechaza una base de datos que ya contenga técnicos, clientes u órdenes de trabajo (salida 1): no existe --force; empiece con una base de datos vacía.
Estado de salida: 0 datos generados, 2 opción no válida, 1 base de datos no vacía u otro error.</translation>
    </message>
    <message>
        <source>seed-demo takes no arguments (see fieldops-cli seed-demo --help)</source>
        <translation>seed-demo no admite argumentos (consulte fieldops-cli seed-demo --help)</translation>
    </message>
    <message>
        <source>--technicians needs a whole number, not &quot;%1&quot;</source>
        <translation>--technicians necesita un número entero, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--days needs a whole number, not &quot;%1&quot;</source>
        <translation>--days necesita un número entero, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--future-days needs a whole number, not &quot;%1&quot;</source>
        <translation>--future-days necesita un número entero, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--customers needs a whole number, not &quot;%1&quot;</source>
        <translation>--customers necesita un número entero, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 4294967295, not &quot;%1&quot;</source>
        <translation>--seed necesita un número entero entre 0 y 4294967295, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--today necesita una fecha con el formato YYYY-MM-DD, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--now needs a clock time as HH:MM, not &quot;%1&quot;</source>
        <translation>--now necesita una hora con el formato HH:MM, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Simulated seconds per real second (default 60).</source>
        <translation>Segundos simulados por segundo real (predeterminado: 60).</translation>
    </message>
    <message>
        <source>How long to run, in real seconds (default 60).</source>
        <translation>Duración de la ejecución, en segundos reales (predeterminado: 60).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Semilla aleatoria (predeterminada: 1).</translation>
    </message>
    <message>
        <source>--speed must be a number above 0 (at most 100000)</source>
        <translation>--speed debe ser un número mayor que 0 (como máximo 100000)</translation>
    </message>
    <message>
        <source>--duration must be a number of seconds above 0</source>
        <translation>--duration debe ser un número de segundos mayor que 0</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed debe ser un número entero</translation>
    </message>
    <message>
        <source>simulating %1 technicians at %2× for %3 s …</source>
        <translation>simulando %1 técnicos a %2× durante %3 s …</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>TECHNICIAN</source>
        <translation>TÉCNICO</translation>
    </message>
    <message>
        <source>START</source>
        <translation>INICIO</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>TRAVEL</source>
        <translation>DESPLAZAMIENTO</translation>
    </message>
    <message>
        <source>SCORE</source>
        <translation>PUNTUACIÓN</translation>
    </message>
    <message>
        <source>REASONS</source>
        <translation>MOTIVOS</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The work order to place.</source>
        <translation>La orden de trabajo que se va a colocar.</translation>
    </message>
    <message>
        <source>How many candidates at most (1 … %1, default 5).</source>
        <translation>Número máximo de candidatos (1 … %1, predeterminado: 5).</translation>
    </message>
    <message>
        <source>Search from this instant (ISO 8601 with an offset or Z; default: now).</source>
        <translation>Busca a partir de este instante (ISO 8601 con desfase o Z; predeterminado: ahora).</translation>
    </message>
    <message>
        <source>Search this many days from --from (1 … %1, default 7).</source>
        <translation>Busca este número de días a partir de --from (1 … %1, predeterminado: 7).</translation>
    </message>
    <message>
        <source>Print the candidates as one JSON object.</source>
        <translation>Imprime los candidatos como un único objeto JSON.</translation>
    </message>
    <message>
        <source>Rank the feasible (technician, start) slots for a work order, best first. Every slot passes the
rules `conflicts` checks (overlap, travel, shift, absence, skill, window); a slot ending after the
SLA due is kept but scores below every slot within it, and its reasons say how late it is.</source>
        <translation>Clasifica los huecos viables (técnico, inicio) para una orden de trabajo, del mejor al peor. Cada hueco supera las
reglas que comprueba `conflicts` (solapamiento, desplazamiento, turno, ausencia, competencia, franja); un hueco que termina después del
vencimiento del SLA se conserva, pero puntúa por debajo de todos los que lo cumplen, y sus motivos indican cuánto se retrasa.</translation>
    </message>
    <message>
        <source>suggest needs a work order id, e.g. fieldops-cli suggest WO-000012</source>
        <translation>suggest necesita un identificador de orden de trabajo, p. ej., fieldops-cli suggest WO-000012</translation>
    </message>
    <message>
        <source>suggest takes one work order id (got &quot;%1&quot;)</source>
        <translation>suggest admite un único identificador de orden de trabajo (se ha recibido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--top: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--top: &quot;%1&quot; no es un número entero en [1, %2]</translation>
    </message>
    <message>
        <source>--days: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--days: &quot;%1&quot; no es un número entero en [1, %2]</translation>
    </message>
    <message>
        <source>--from: &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from: &quot;%1&quot; no es una marca de tiempo ISO 8601 con desfase o Z</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>No hay ningún hueco viable: %1</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>facturable</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>no facturable</translation>
    </message>
    <message>
        <source>Entries: %1, flagged: %2.
</source>
        <translation>Registros: %1, marcados: %2.
</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD, UTC) of the entries&apos; starts.</source>
        <translation>Primer día (YYYY-MM-DD, UTC) del inicio de los registros.</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD, UTC).</source>
        <translation>Último día (YYYY-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Only this technician&apos;s entries.</source>
        <translation>Solo los registros de este técnico.</translation>
    </message>
    <message>
        <source>Print the entries as one JSON object.</source>
        <translation>Imprime los registros como un único objeto JSON.</translation>
    </message>
    <message>
        <source>time-entries: unknown action &quot;%1&quot; (approve or correct)</source>
        <translation>time-entries: acción desconocida &quot;%1&quot; (approve o correct)</translation>
    </message>
    <message>
        <source>time-entries needs --from and --to, e.g. fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</source>
        <translation>time-entries necesita --from y --to, p. ej., fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</translation>
    </message>
    <message>
        <source>--technician needs a technician id</source>
        <translation>--technician necesita un identificador de técnico</translation>
    </message>
    <message>
        <source>--technician: no technician %1</source>
        <translation>--technician: no existe el técnico %1</translation>
    </message>
    <message>
        <source>Time entries to approve.</source>
        <translation>Registros de horas que se van a aprobar.</translation>
    </message>
    <message>
        <source>Approve pending time entries as they were entered, in one transaction. Entries already reviewed
are left as they are.</source>
        <translation>Aprueba los registros de horas pendientes tal como se introdujeron, en una transacción. Los registros ya revisados
se dejan como están.</translation>
    </message>
    <message>
        <source>time-entries approve needs at least one entry id</source>
        <translation>time-entries approve necesita al menos un identificador de registro</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time entry id</source>
        <translation>&quot;%1&quot; no es un identificador de registro de horas</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Aprobados: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Already reviewed, left as they are: %1.</source>
        <translation>Ya revisados, se dejan como están: %1.</translation>
    </message>
    <message>
        <source>The time entry to correct.</source>
        <translation>El registro de horas que se va a corregir.</translation>
    </message>
    <message>
        <source>New start (ISO 8601 with offset or Z).</source>
        <translation>Nuevo inicio (ISO 8601 con desfase o Z).</translation>
    </message>
    <message>
        <source>New end (ISO 8601 with offset or Z).</source>
        <translation>Nuevo fin (ISO 8601 con desfase o Z).</translation>
    </message>
    <message>
        <source>1 billable, 0 not.</source>
        <translation>1 facturable, 0 no facturable.</translation>
    </message>
    <message>
        <source>What was done.</source>
        <translation>Trabajo realizado.</translation>
    </message>
    <message>
        <source>The version the entry was read at; refused if it moved on.</source>
        <translation>La versión del registro que se leyó; se rechaza si ha cambiado.</translation>
    </message>
    <message>
        <source>Correct a time entry: it becomes corrected and is billed as corrected; the audit log keeps the
values it replaces. With --version, an entry changed since that version is refused.</source>
        <translation>Corrige un registro de horas: pasa a estar corregido y se factura con la corrección; el registro de auditoría conserva
los valores que sustituye. Con --version, se rechaza un registro que haya cambiado desde esa versión.</translation>
    </message>
    <message>
        <source>time-entries correct needs exactly one entry id</source>
        <translation>time-entries correct necesita exactamente un identificador de registro</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time with an offset, e.g. 2026-03-02T09:00:00Z</source>
        <translation>--%1: &quot;%2&quot; no es una hora con desfase, p. ej., 2026-03-02T09:00:00Z</translation>
    </message>
    <message>
        <source>--billable: &quot;%1&quot; is not 0 or 1</source>
        <translation>--billable: &quot;%1&quot; no es 0 ni 1</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version number</source>
        <translation>--version: &quot;%1&quot; no es un número de versión</translation>
    </message>
    <message>
        <source>time-entries correct needs at least one of --start, --end, --billable, --comment</source>
        <translation>time-entries correct necesita al menos uno de --start, --end, --billable, --comment</translation>
    </message>
    <message>
        <source>Corrected time entry %1; now at version %2.</source>
        <translation>Registro de horas %1 corregido; ahora en la versión %2.</translation>
    </message>
    <message>
        <source>  add NAME --role R [--territory T]… [--password-stdin]
                                  a new login in a FieldOps role
  list [--json]                   every FieldOps login: role, territories, disabled
  set-role NAME --role R          move the login to another FieldOps role
  set-territories NAME [--territory T]…
                                  replace its territories (none: all territories)
  disable NAME                    the login may no longer log in (NOLOGIN)
  enable NAME                     the login may log in again (LOGIN)</source>
        <translation>  add NAME --role R [--territory T]… [--password-stdin]
                                  una cuenta nueva en un rol de FieldOps
  list [--json]                   todas las cuentas de FieldOps: rol, zonas, desactivada
  set-role NAME --role R          pasa la cuenta a otro rol de FieldOps
  set-territories NAME [--territory T]…
                                  sustituye sus zonas (ninguna: todas las zonas)
  disable NAME                    la cuenta ya no puede iniciar sesión (NOLOGIN)
  enable NAME                     la cuenta puede volver a iniciar sesión (LOGIN)</translation>
    </message>
    <message>
        <source>limit a dispatcher to this territory (repeatable; none: all territories)</source>
        <translation>limita un coordinador a esta zona (repetible; ninguna: todas las zonas)</translation>
    </message>
    <message>
        <source>read the new user&apos;s password from the first line of standard input</source>
        <translation>lee la contraseña del nuevo usuario de la primera línea de la entrada estándar</translation>
    </message>
    <message>
        <source>list: print JSON instead of a table</source>
        <translation>list: imprime JSON en lugar de una tabla</translation>
    </message>
    <message>
        <source>add, list, set-role, set-territories, disable or enable</source>
        <translation>add, list, set-role, set-territories, disable o enable</translation>
    </message>
    <message>
        <source>the login name (every action but list)</source>
        <translation>el nombre de inicio de sesión (todas las acciones excepto list)</translation>
    </message>
    <message>
        <source>Manage the PostgreSQL logins in FieldOps roles (admins only):
</source>
        <translation>Gestiona las cuentas de PostgreSQL en roles de FieldOps (solo administradores):
</translation>
    </message>
    <message>
        <source>usage: fieldops-cli user add|list|set-role|set-territories|disable|enable … (see user --help)</source>
        <translation>uso: fieldops-cli user add|list|set-role|set-territories|disable|enable … (consulte user --help)</translation>
    </message>
    <message>
        <source>user %1 takes one login name</source>
        <translation>user %1 admite un único nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>user %1 takes no login name</source>
        <translation>user %1 no admite nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>--%1 does not go with user %2</source>
        <translation>--%1 no es compatible con user %2</translation>
    </message>
    <message>
        <source>user %1 needs --role R</source>
        <translation>user %1 necesita --role R</translation>
    </message>
    <message>
        <source>user %1 is a %2</source>
        <translation>el usuario %1 tiene el rol %2</translation>
    </message>
    <message>
        <source>user %1 is now a %2</source>
        <translation>el usuario %1 tiene ahora el rol %2</translation>
    </message>
    <message>
        <source>user %1 now works in every territory</source>
        <translation>el usuario %1 trabaja ahora en todas las zonas</translation>
    </message>
    <message>
        <source>user %1 is now limited to %2</source>
        <translation>el usuario %1 está ahora limitado a %2</translation>
    </message>
    <message>
        <source>user %1 may log in</source>
        <translation>el usuario %1 puede iniciar sesión</translation>
    </message>
    <message>
        <source>user %1 may no longer log in</source>
        <translation>el usuario %1 ya no puede iniciar sesión</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
    <message>
        <source>warning: %1: not a work-order field; ignored</source>
        <translation>advertencia: %1: no es un campo de orden de trabajo; se ignora</translation>
    </message>
    <message>
        <source>version: a new work order has no version yet; leave it out</source>
        <translation>version: una orden de trabajo nueva aún no tiene versión; omítala</translation>
    </message>
    <message>
        <source>site_id: a value is required (the site where the work is done)</source>
        <translation>site_id: se requiere un valor (el emplazamiento donde se realiza el trabajo)</translation>
    </message>
    <message>
        <source>duration_min: a value is required (the estimated minutes of work)</source>
        <translation>duration_min: se requiere un valor (los minutos de trabajo estimados)</translation>
    </message>
    <message>
        <source>id: a work order&apos;s id cannot change (%1 in the object, %2 on the command line)</source>
        <translation>id: el identificador de una orden de trabajo no puede cambiar (%1 en el objeto, %2 en la línea de comandos)</translation>
    </message>
    <message>
        <source>status: cancel with `fieldops-cli work-order cancel %1 --reason TEXT`</source>
        <translation>status: para cancelar, use `fieldops-cli work-order cancel %1 --reason TEXT`</translation>
    </message>
    <message>
        <source>work order %1 is at version %2, not %3</source>
        <translation>la orden de trabajo %1 está en la versión %2, no en la %3</translation>
    </message>
    <message>
        <source>version: %1 is stale; nothing was changed: %2</source>
        <translation>version: %1 está desactualizada; no se ha modificado nada: %2</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 cancelada</translation>
    </message>
    <message>
        <source>%1 cancelled with its visits %2</source>
        <translation>%1 cancelada junto con sus visitas %2</translation>
    </message>
    <message>
        <source>Why the work order is cancelled (cancel).</source>
        <translation>Motivo de la cancelación de la orden de trabajo (cancel).</translation>
    </message>
    <message>
        <source>create, update ID or cancel ID</source>
        <translation>create, update ID o cancel ID</translation>
    </message>
    <message>
        <source>Open, change or cancel a work order.
  create          reads one JSON object from standard input whose keys are the work_orders.csv
                  columns (id optional, required_skills a list; when absent, contract_id is the
                  contract naming the asset, else the site, else a blanket one, and sla_due
                  and response_due come from its terms)
                  and prints the new id
  update ID       reads the keys to change (add &quot;version&quot; to refuse a stale update)
  cancel ID --reason TEXT   cancels the work order and its visits still to come</source>
        <translation>Abre, modifica o cancela una orden de trabajo.
  create          lee de la entrada estándar un objeto JSON cuyas claves son las columnas de work_orders.csv
                  (id opcional, required_skills una lista; si falta, contract_id es el
                  contrato que menciona el equipo o, si no, el emplazamiento o, si no, uno general, y sla_due
                  y response_due se obtienen de sus condiciones)
                  e imprime el nuevo id
  update ID       lee las claves que se van a cambiar (añada &quot;version&quot; para rechazar una actualización obsoleta)
  cancel ID --reason TEXT   cancela la orden de trabajo y sus visitas pendientes</translation>
    </message>
    <message>
        <source>--reason belongs to cancel</source>
        <translation>--reason corresponde a cancel</translation>
    </message>
    <message>
        <source>cancel_reason: cancel needs --reason TEXT saying why</source>
        <translation>cancel_reason: cancel necesita --reason TEXT con el motivo</translation>
    </message>
    <message>
        <source>usage: fieldops-cli work-order create | update ID | cancel ID --reason TEXT</source>
        <translation>uso: fieldops-cli work-order create | update ID | cancel ID --reason TEXT</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version (a whole number from 1)</source>
        <translation>--version: &quot;%1&quot; no es una versión (un número entero desde 1)</translation>
    </message>
    <message>
        <source>version: must be a whole number from 1</source>
        <translation>version: debe ser un número entero desde 1</translation>
    </message>
    <message>
        <source>version: %1 differs from --version %2</source>
        <translation>version: %1 no coincide con --version %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 updated (version %2)</source>
        <translation>%1 actualizada (versión %2)</translation>
    </message>
    <message>
        <source>%1 activated (version %2)</source>
        <translation>%1 activada (versión %2)</translation>
    </message>
    <message>
        <source>%1 deactivated (version %2); its open episodes stay open</source>
        <translation>%1 desactivada (versión %2); sus episodios abiertos siguen abiertos</translation>
    </message>
    <message>
        <source>update, deactivate, activate: the version the rule was read at; refused if it moved on.</source>
        <translation>update, deactivate, activate: la versión en que se leyó la regla; se rechaza si ha cambiado.</translation>
    </message>
    <message>
        <source>create, update ID [FILE], deactivate ID, activate ID or list</source>
        <translation>create, update ID [FILE], deactivate ID, activate ID o list</translation>
    </message>
    <message>
        <source>Condition rules on asset readings.
  create   reads one JSON object from standard input whose keys are the condition_rules columns
           (id optional; asset_id or asset_model; kind threshold|rate|usage|anomaly and its
           parameters; task, work_order_type, required_skills, duration_min, priority, active)
           and prints the new id
  update ID [FILE|-]
           reads one JSON object with the same keys from FILE or standard input: the keys given
           replace the rule&apos;s (null clears an optional one), the others keep theirs; a new kind
           drops the old kind&apos;s parameters; checked as create checks; &quot;version&quot; (or --version)
           is the version read, refused if the rule was changed meanwhile
  deactivate ID, activate ID
           stop or resume evaluating the rule; the episodes it opened stay as they are
  list     every rule, one a line (--json: an array of objects with the same keys)</source>
        <translation>Reglas de condición sobre lecturas de activos.
  create   lee un objeto JSON de la entrada estándar cuyas claves son las columnas de condition_rules
           (id opcional; asset_id o asset_model; kind threshold|rate|usage|anomaly y sus
           parámetros; task, work_order_type, required_skills, duration_min, priority, active)
           e imprime el nuevo id
  update ID [FILE|-]
           lee un objeto JSON con las mismas claves de FILE o de la entrada estándar: las claves dadas
           sustituyen las de la regla (null borra una opcional), las demás se quedan; un kind nuevo
           descarta los parámetros del anterior; se comprueba como en create; &quot;version&quot; (o --version)
           es la versión leída, se rechaza si la regla cambió mientras tanto
  deactivate ID, activate ID
           detiene o reanuda la evaluación de la regla; los episodios que abrió quedan como están
  list     todas las reglas, una por línea (--json: un array de objetos con las mismas claves)</translation>
    </message>
    <message>
        <source>usage: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</source>
        <translation>uso: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</translation>
    </message>
    <message>
        <source>remove raw asset readings older than the retention, keeping their hourly sums ([--keep-days N] [--dry-run] [--json])</source>
        <translation>elimina las lecturas en bruto de los activos más antiguas que la retención, conservando sus sumas por hora ([--keep-days N] [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>condition rules on asset readings: create (one JSON object on stdin), update ID [FILE], deactivate ID, activate ID, list [--json]</source>
        <translation>reglas de condición sobre lecturas de activos: create (un objeto JSON en la entrada estándar), update ID [FILE], deactivate ID, activate ID, list [--json]</translation>
    </message>
    <message>
        <source>Keep the raw readings of the last N days (default %1, at least %2).</source>
        <translation>Conservar las lecturas en bruto de los últimos N días (por defecto %1, como mínimo %2).</translation>
    </message>
    <message>
        <source>Report what would be removed; remove nothing.</source>
        <translation>Informar de lo que se eliminaría; no eliminar nada.</translation>
    </message>
    <message>
        <source>Remove the raw asset readings older than the retention. The hourly sums stay (charts and
anomaly baselines read them), and each asset keeps the last reading of each kind.
On PostgreSQL whole weeks go at once: a reading may stay up to a week longer.</source>
        <translation>Elimina las lecturas en bruto de los activos más antiguas que la retención. Las sumas por hora se quedan (los gráficos y
las líneas base de anomalías las leen), y cada activo conserva la última lectura de cada tipo.
En PostgreSQL se eliminan semanas enteras a la vez: una lectura puede quedarse hasta una semana más.</translation>
    </message>
    <message>
        <source>prune-readings takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-readings no admite argumentos además de sus opciones (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--keep-days: %1 is too few; the asset health view draws a week of raw readings, keep at least %2</source>
        <translation>--keep-days: %1 es muy poco; la vista de salud de activos dibuja una semana de lecturas en bruto, conserve al menos %2</translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 would be removed (dry run: nothing removed)</source>
        <translation>
            <numerusform>%n lectura en bruto anterior a %1 se eliminaría (simulación: no se eliminó nada)</numerusform>
            <numerusform>%n lecturas en bruto anteriores a %1 se eliminarían (simulación: no se eliminó nada)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 removed; their hourly sums kept</source>
        <translation>
            <numerusform>%n lectura en bruto anterior a %1 eliminada; se conservan sus sumas por hora</numerusform>
            <numerusform>%n lecturas en bruto anteriores a %1 eliminadas; se conservan sus sumas por hora</numerusform>
        </translation>
    </message>
    <message>
        <source>Play the technicians&apos; phones: positions, en route / on site / completed, time entries and ratings, and the connected equipment&apos;s sensor readings, written live to the database.</source>
        <translation>Simula los móviles de los técnicos: posiciones, en camino / en el sitio / completado, partes de horas y valoraciones, y las lecturas de los sensores de los equipos conectados, escritos en directo en la base de datos.</translation>
    </message>
    <message>
        <source>simulated until %1: %2 positions, %3 departures, %4 arrivals, %5 completed (%6 unresolved), %7 time entries, %8 ratings, %9 sensor readings (%10 faults started on %11 connected units)</source>
        <translation>simulado hasta %1: %2 posiciones, %3 salidas, %4 llegadas, %5 completadas (%6 sin resolver), %7 partes de horas, %8 valoraciones, %9 lecturas de sensores (%10 averías iniciadas en %11 unidades conectadas)</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a whole number of minutes from %3 to %4</source>
        <translation>--%1: &quot;%2&quot; no es un número entero de minutos de %3 a %4</translation>
    </message>
    <message>
        <source>%1: %2 visits; inferred arrival for %3, departure for %4; %5 changed</source>
        <translation>%1: %2 visitas; llegada inferida para %3, salida para %4; %5 cambiadas</translation>
    </message>
    <message>
        <source>No discrepancies between the status taps and the positions.
</source>
        <translation>Ninguna discrepancia entre los estados marcados y las posiciones.
</translation>
    </message>
    <message>
        <source>Discrepancies (%1):
</source>
        <translation>Discrepancias (%1):
</translation>
    </message>
    <message>
        <source>The day (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>El día (AAAA-MM-DD, en la zona horaria de cada técnico).</translation>
    </message>
    <message>
        <source>The geofence around each site, in metres (default %1; a fix&apos;s accuracy widens it).</source>
        <translation>La geocerca alrededor de cada sitio, en metros (por defecto %1; la precisión de cada posición la amplía).</translation>
    </message>
    <message>
        <source>Minutes inside the fence that make a stay, and outside that end one (default %1).</source>
        <translation>Minutos dentro de la cerca que forman una estancia, y fuera de ella que la terminan (por defecto %1).</translation>
    </message>
    <message>
        <source>Minutes without a fix that still continue a stay (default %1).</source>
        <translation>Minutos sin posición que aún continúan una estancia (por defecto %1).</translation>
    </message>
    <message>
        <source>Minutes a tap may differ from the positions before it is listed (default 10).</source>
        <translation>Minutos que un estado marcado puede diferir de las posiciones antes de listarse (por defecto 10).</translation>
    </message>
    <message>
        <source>Only this technician (may be repeated).</source>
        <translation>Solo este técnico (puede repetirse).</translation>
    </message>
    <message>
        <source>Infer and list; write nothing.</source>
        <translation>Inferir y listar; no escribir nada.</translation>
    </message>
    <message>
        <source>Infer each visit&apos;s arrival and departure from the technicians&apos; positions: the first fix of a
stay inside the site&apos;s geofence lasting the dwell, and the last fix inside before leaving for
longer. Keep them beside the status taps, and list the visits where the two disagree by more
than the tolerance or a status was never sent.</source>
        <translation>Inferir la llegada y la salida de cada visita a partir de las posiciones de los técnicos: la primera
posición de una estancia dentro de la geocerca del sitio que dure el tiempo mínimo, y la última posición
dentro antes de salir por más tiempo. Guardarlas junto a los estados marcados y listar las visitas en
que ambos difieren más que la tolerancia o en que nunca se envió un estado.</translation>
    </message>
    <message>
        <source>infer-arrivals takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>infer-arrivals no acepta argumentos aparte de sus opciones (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>infer-arrivals needs --date, e.g. fieldops-cli infer-arrivals --date 2026-03-02</source>
        <translation>infer-arrivals necesita --date, p. ej. fieldops-cli infer-arrivals --date 2026-03-02</translation>
    </message>
    <message>
        <source>--radius: &quot;%1&quot; is not a number of metres from %2 to %3</source>
        <translation>--radius: &quot;%1&quot; no es un número de metros de %2 a %3</translation>
    </message>
    <message>
        <source>infer the visits&apos; arrival and departure from the technicians&apos; positions and list where the status taps disagree (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])</source>
        <translation>inferir la llegada y la salida de las visitas a partir de las posiciones de los técnicos y listar dónde difieren los estados marcados (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>lapses: %1 on-site taps forgotten, %2 sent early from the road, %3 GPS gaps, %4 drifting fixes</source>
        <translation>fallos: %1 llegadas sin marcar, %2 marcadas pronto desde la carretera, %3 huecos de GPS, %4 posiciones con deriva</translation>
    </message>
    <message>
        <source>List the time entries of a period with their review state and flags (overlap, outside_visit,
gps_mismatch, no_comment). `time-entries approve ID…` approves pending entries as entered; `time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrects one (the audit log
keeps the values it replaces).</source>
        <translation>Lista los registros de tiempo de un periodo con su estado de revisión y sus avisos (overlap, outside_visit,
gps_mismatch, no_comment). `time-entries approve ID…` aprueba los registros pendientes tal como se introdujeron; `time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrige uno (el registro de auditoría
guarda los valores que sustituye).</translation>
    </message>
    <message>
        <source>Travel times from the OSRM routing service at URL (e.g. http://127.0.0.1:5000); straight-line times when it fails.</source>
        <translation>Tiempos de viaje del servicio de rutas OSRM en URL (p. ej. http://127.0.0.1:5000); tiempos en línea recta cuando falla.</translation>
    </message>
    <message>
        <source>absorb a change of the day with the fewest moves, options with their cost (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])</source>
        <translation>absorber un cambio del día con el mínimo de movimientos, opciones con su coste (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])</translation>
    </message>
    <message>
        <source>the parts on hand per warehouse and technician&apos;s van, with their reorder points ([--location L] [--json])</source>
        <translation>las piezas disponibles por almacén y furgoneta de técnico, con sus puntos de pedido ([--location L] [--json])</translation>
    </message>
    <message>
        <source>the parts below their reorder point at each location, and by how much ([--json])</source>
        <translation>las piezas por debajo de su punto de pedido en cada ubicación, y cuánto falta ([--json])</translation>
    </message>
    <message>
        <source>move stock of a part between warehouses and vans, refused when the source lacks it (--sku S --from L --to L --quantity Q [--json])</source>
        <translation>mover existencias de una pieza entre almacenes y furgonetas, rechazado cuando falta en el origen (--sku S --from L --to L --quantity Q [--json])</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is. The absence is recorded.
</source>
        <translation>No se desplaza nada: el día absorbe el cambio tal como está. La ausencia queda registrada.
</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.
</source>
        <translation>No se desplaza nada: el día absorbe el cambio tal como está.
</translation>
    </message>
    <message>
        <source>Displaced: %1
</source>
        <translation>Desplazadas: %1
</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1
</source>
        <translation>Dejadas en su sitio (bloqueadas o en curso): %1
</translation>
    </message>
    <message>
        <source>%1. %2 — cost %3: %4 moved, %5 to the queue, %6 new, %7 min more travel, %8 min past SLA
</source>
        <translation>%1. %2 — coste %3: %4 movidas, %5 a la cola, %6 nuevas, %7 min más de viaje, %8 min después del SLA
</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>cola</translation>
    </message>
    <message>
        <source>     %1: %2 → %3
</source>
        <translation>     %1: %2 → %3
</translation>
    </message>
    <message>
        <source>Option %1 written.
</source>
        <translation>Opción %1 escrita.
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to write the first option, or --apply --option N).
</source>
        <translation>No se escribió nada (añada --apply para escribir la primera opción, o --apply --option N).
</translation>
    </message>
    <message>
        <source>The day to repair (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>El día a reparar (AAAA-MM-DD, en la zona horaria de cada técnico).</translation>
    </message>
    <message>
        <source>This technician is off for the rest of the day.</source>
        <translation>Este técnico está ausente el resto del día.</translation>
    </message>
    <message>
        <source>With --absent: off from this instant (ISO 8601 with an offset or Z; default: the day&apos;s start).</source>
        <translation>Con --absent: ausente desde este instante (ISO 8601 con desfase o Z; por defecto: el inicio del día).</translation>
    </message>
    <message>
        <source>This visit (appointment id) runs long.</source>
        <translation>Esta visita (id de la cita) se alarga.</translation>
    </message>
    <message>
        <source>With --overrun: by this many minutes.</source>
        <translation>Con --overrun: en estos minutos.</translation>
    </message>
    <message>
        <source>This work order in the queue must go today.</source>
        <translation>Esta orden de trabajo de la cola debe atenderse hoy.</translation>
    </message>
    <message>
        <source>Only this territory&apos;s technicians take visits.</source>
        <translation>Solo los técnicos de este territorio reciben visitas.</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search for each option (decimal, default 0.5).</source>
        <translation>Segundos que el optimizador puede buscar por opción (decimal, por defecto 0,5).</translation>
    </message>
    <message>
        <source>Print the options as one JSON object.</source>
        <translation>Imprimir las opciones como un objeto JSON.</translation>
    </message>
    <message>
        <source>Write an option (the cheapest unless --option), in one transaction.</source>
        <translation>Escribir una opción (la más barata salvo --option), en una transacción.</translation>
    </message>
    <message>
        <source>With --apply: the option&apos;s number as listed (1 is the cheapest).</source>
        <translation>Con --apply: el número de la opción según la lista (1 es la más barata).</translation>
    </message>
    <message>
        <source>Propose the smallest changes that absorb a change of the day: a technician off sick (--absent),
a visit running long (--overrun with --minutes) or an urgent job (--urgent). Only the visits the
change displaces move; locked and started visits stay. Each option comes with its cost, cheapest
first, and every visit it proposes passes the rules `conflicts` checks. Without --apply nothing
is written.</source>
        <translation>Propone los cambios mínimos que absorben un cambio del día: un técnico enfermo (--absent),
una visita que se alarga (--overrun con --minutes) o un trabajo urgente (--urgent). Solo se mueven
las visitas que el cambio desplaza; las bloqueadas y las iniciadas se quedan. Cada opción trae su
coste, la más barata primero, y cada visita propuesta cumple las reglas que comprueba `conflicts`.
Sin --apply no se escribe nada.</translation>
    </message>
    <message>
        <source>repair takes no arguments (got &quot;%1&quot;)</source>
        <translation>repair no admite argumentos (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>repair needs --date, e.g. fieldops-cli repair --date 2026-03-02 --absent t7</source>
        <translation>repair necesita --date, p. ej. fieldops-cli repair --date 2026-03-02 --absent t7</translation>
    </message>
    <message>
        <source>repair needs exactly one of --absent, --overrun and --urgent</source>
        <translation>repair necesita exactamente uno de --absent, --overrun y --urgent</translation>
    </message>
    <message>
        <source>--absent needs a technician id</source>
        <translation>--absent necesita un id de técnico</translation>
    </message>
    <message>
        <source>--from goes with --absent</source>
        <translation>--from va con --absent</translation>
    </message>
    <message>
        <source>--overrun needs --minutes, a whole number of minutes from 1 to 1440</source>
        <translation>--overrun necesita --minutes, un número entero de minutos de 1 a 1440</translation>
    </message>
    <message>
        <source>--minutes goes with --overrun</source>
        <translation>--minutes va con --overrun</translation>
    </message>
    <message>
        <source>--option goes with --apply</source>
        <translation>--option va con --apply</translation>
    </message>
    <message>
        <source>--option: &quot;%1&quot; is not an option number (1, 2, …)</source>
        <translation>--option: &quot;%1&quot; no es un número de opción (1, 2, …)</translation>
    </message>
    <message>
        <source>--option %1: there are only %2 options</source>
        <translation>--option %1: solo hay %2 opciones</translation>
    </message>
    <message>
        <source>%1 takes no arguments besides its options (got &quot;%2&quot;)</source>
        <translation>%1 no admite argumentos aparte de sus opciones (recibió &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Only this location (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>Solo esta ubicación (warehouse:NOMBRE o van:TÉCNICO).</translation>
    </message>
    <message>
        <source>Print the stock as one JSON object.</source>
        <translation>Imprimir las existencias como un objeto JSON.</translation>
    </message>
    <message>
        <source>--location: &quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>--location: &quot;%1&quot; no es una ubicación: escriba warehouse:NOMBRE o van:TÉCNICO</translation>
    </message>
    <message>
        <source>No stock anywhere.</source>
        <translation>No hay existencias en ningún sitio.</translation>
    </message>
    <message>
        <source>No stock at %1.</source>
        <translation>No hay existencias en %1.</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>UBICACIÓN</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>QUANTITY</source>
        <translation>CANTIDAD</translation>
    </message>
    <message>
        <source>MINIMUM</source>
        <translation>MÍNIMO</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Print the list as one JSON object.</source>
        <translation>Imprimir la lista como un objeto JSON.</translation>
    </message>
    <message>
        <source>Nothing is below its reorder point.</source>
        <translation>Nada está por debajo de su punto de pedido.</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>FALTAN</translation>
    </message>
    <message>
        <source>The part to move.</source>
        <translation>La pieza a mover.</translation>
    </message>
    <message>
        <source>Where it is taken from (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>De dónde se toma (warehouse:NOMBRE o van:TÉCNICO).</translation>
    </message>
    <message>
        <source>Where it goes (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>A dónde va (warehouse:NOMBRE o van:TÉCNICO).</translation>
    </message>
    <message>
        <source>How many (more than 0).</source>
        <translation>Cuántas (más de 0).</translation>
    </message>
    <message>
        <source>Print the transfer as one JSON object.</source>
        <translation>Imprimir la transferencia como un objeto JSON.</translation>
    </message>
    <message>
        <source>Move stock of a part from one location to another: both locations and the transfer&apos;s record
are written together, or nothing when the source holds fewer than the quantity.</source>
        <translation>Mueve existencias de una pieza de una ubicación a otra: ambas ubicaciones y el registro de la
transferencia se escriben juntos, o nada cuando el origen tiene menos que la cantidad.</translation>
    </message>
    <message>
        <source>transfer needs --%1, e.g. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</source>
        <translation>transfer necesita --%1, p. ej. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</translation>
    </message>
    <message>
        <source>--quantity: &quot;%1&quot; is not a number greater than 0</source>
        <translation>--quantity: &quot;%1&quot; no es un número mayor que 0</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>Movidas %1 × %2 de %3 a %4: quedan %5 allí, %6 ahora en %4.</translation>
    </message>
    <message>
        <source>The month to predict (UTC); the model learns from the visits before it.</source>
        <translation>El mes a predecir (UTC); el modelo aprende de las visitas anteriores.</translation>
    </message>
    <message>
        <source>Print the report as one JSON object.</source>
        <translation>Imprime el informe como un objeto JSON.</translation>
    </message>
    <message>
        <source>How well the predicted durations of visits would have done: learns from the completed visits
before the month, predicts each completed visit of the month (time on site, arrival to
completion) and prints the mean absolute error in minutes and the share of actual
durations inside the predicted interval, beside the work orders&apos; own estimates.</source>
        <translation>Qué tan bien habrían acertado las duraciones previstas de las visitas: aprende de las visitas
completadas antes del mes, predice cada visita completada del mes (tiempo en sitio, de la
llegada a la finalización) e imprime el error absoluto medio en minutos y la proporción de
duraciones reales dentro del intervalo previsto, junto a las estimaciones de las órdenes.</translation>
    </message>
    <message>
        <source>durations takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>durations no acepta argumentos aparte de sus opciones (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--holdout-month is required (a month such as 2026-05)</source>
        <translation>--holdout-month es obligatorio (un mes como 2026-05)</translation>
    </message>
    <message>
        <source>--holdout-month needs a month YYYY-MM such as 2026-05 (got &quot;%1&quot;)</source>
        <translation>--holdout-month necesita un mes AAAA-MM como 2026-05 (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Held-out month %1 (UTC). Completed visits before it, learnt from: %2; in it, predicted: %3.</source>
        <translation>Mes reservado %1 (UTC). Visitas completadas antes, usadas para aprender: %2; en él, predichas: %3.</translation>
    </message>
    <message>
        <source>No completed visit began in %1: nothing to measure.</source>
        <translation>Ninguna visita completada empezó en %1: nada que medir.</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURACIÓN</translation>
    </message>
    <message>
        <source>MAE (MIN)</source>
        <translation>EAM (MIN)</translation>
    </message>
    <message>
        <source>INSIDE INTERVAL</source>
        <translation>DENTRO DEL INTERVALO</translation>
    </message>
    <message>
        <source>MEAN WIDTH (MIN)</source>
        <translation>ANCHO MEDIO (MIN)</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>prevista</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimación</translation>
    </message>
    <message>
        <source>Predicted from history: %1; took the estimate (fewer than %3 earlier visits of their type): %2.</source>
        <translation>Predichas por el historial: %1; tomaron la estimación (menos de %3 visitas anteriores de su tipo): %2.</translation>
    </message>
    <message>
        <source>how well predicted visit durations do on a month they never saw, beside the plain estimates (--holdout-month YYYY-MM [--json])</source>
        <translation>qué tan bien aciertan las duraciones previstas en un mes que no vieron, junto a las estimaciones simples (--holdout-month AAAA-MM [--json])</translation>
    </message>
    <message>
        <source>the travel speed factor each territory&apos;s recorded drives teach, and whether planning uses it ([--date D] [--json])</source>
        <translation>el factor de velocidad de desplazamiento que enseñan los trayectos registrados de cada territorio, y si la planificación lo usa ([--date D] [--json])</translation>
    </message>
    <message>
        <source>Drives of the visits from %1 to %2; a factor needs %3 legs.
</source>
        <translation>Trayectos de las visitas del %1 al %2; un factor necesita %3 tramos.
</translation>
    </message>
    <message>
        <source>No territories.
</source>
        <translation>Ningún territorio.
</translation>
    </message>
    <message>
        <source>TERRITORY</source>
        <translation>TERRITORIO</translation>
    </message>
    <message>
        <source>LEGS</source>
        <translation>TRAMOS</translation>
    </message>
    <message>
        <source>SET ASIDE</source>
        <translation>DESCARTADOS</translation>
    </message>
    <message>
        <source>FACTOR</source>
        <translation>FACTOR</translation>
    </message>
    <message>
        <source>PLANNING</source>
        <translation>PLANIFICACIÓN</translation>
    </message>
    <message>
        <source>The day planned (YYYY-MM-DD, default today): what the %1 days before it teach.</source>
        <translation>El día planificado (AAAA-MM-DD, por defecto hoy): lo que enseñan los %1 días anteriores.</translation>
    </message>
    <message>
        <source>Print the factors as one JSON object.</source>
        <translation>Imprime los factores como un objeto JSON.</translation>
    </message>
    <message>
        <source>How much slower than the straight-line model the technicians really drive, per territory:
the median of drive ÷ model over the legs between two completed visits of one technician on
one day with the departure and the arrival recorded (taps, else the times inferred from the
phone&apos;s positions), each counted for its destination site&apos;s territory. A leg the model puts
under %1 minutes, one not after its departure, and one longer than %2 × the model + %3 minutes
(a wait on the way) are set aside. With %4 legs or more the factor (kept in [%5, %6]) scales
the travel times of suggest, optimize and repair without --osrm, never below the model, which
the rule checks of `conflicts` keep.</source>
        <translation>Cuánto más despacio que el modelo en línea recta conducen realmente los técnicos, por territorio:
la mediana de trayecto ÷ modelo en los tramos entre dos visitas completadas de un técnico en un
mismo día con la salida y la llegada registradas (toques, si no los horarios inferidos de las
posiciones del teléfono), cada uno contado en el territorio del sitio de destino. Un tramo que el
modelo sitúa por debajo de %1 minutos, uno que no es posterior a la salida y uno más largo que
%2 × el modelo + %3 minutos (una espera en el camino) se descartan. Con %4 tramos o más el factor
(mantenido en [%5, %6]) escala los tiempos de desplazamiento de suggest, optimize y repair sin
--osrm, nunca por debajo del modelo, que mantienen las comprobaciones de reglas de `conflicts`.</translation>
    </message>
    <message>
        <source>travel-speeds takes no arguments (got &quot;%1&quot;)</source>
        <translation>travel-speeds no acepta argumentos (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Take in the field gateway&apos;s events (position, status, outcome, time_entry, part_used, rating, reading, delivered, read), one JSON object per line, all or none. The first bad line is reported as FILE:LINE: key: reason and nothing is written.</source>
        <translation>Recibe los eventos de la pasarela de campo (position, status, outcome, time_entry, part_used, rating, reading, delivered, read), un objeto JSON por línea, todos o ninguno. La primera línea errónea se informa como ARCHIVO:LÍNEA: clave: motivo y no se escribe nada.</translation>
    </message>
    <message>
        <source>remove the technicians&apos; outbox notices read more than N days ago (--older-than-days N [--json])</source>
        <translation>elimina los avisos de la bandeja de salida de los técnicos leídos hace más de N días (--older-than-days N [--json])</translation>
    </message>
    <message numerus="yes">
        <source>Booked visits moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</source>
        <translation>
            <numerusform>Visita reservada movida: %n; conducción del día de los técnicos afectados: %1 min, antes %2 min.
</numerusform>
            <numerusform>Visitas reservadas movidas: %n; conducción del día de los técnicos afectados: %1 min, antes %2 min.
</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 (%2)  %3 %4  →  %5 %6
</source>
        <translation>  %1 (%2)  %3 %4  →  %5 %6
</translation>
    </message>
    <message>
        <source>Re-plan the whole day: visits already booked that are neither locked nor started may move
to another time or technician (listed under &quot;moves&quot;).</source>
        <translation>Replanifica el día entero: las visitas ya reservadas que no están bloqueadas ni iniciadas pueden pasar
a otra hora u otro técnico (listadas en &quot;moves&quot;).</translation>
    </message>
    <message>
        <source>Plan a day for the open work orders nobody is booked for. Visits already booked stay where they
are (with --move-booked those neither locked nor started may move); every new or moved visit passes the rules `conflicts` checks (overlap, travel, shift, absence, skill,
window), and what cannot be placed is listed as unassigned. Without --apply nothing is written.</source>
        <translation>Planifica un día para las órdenes de trabajo abiertas sin nadie reservado. Las visitas ya reservadas se quedan donde
están (con --move-booked, las no bloqueadas ni iniciadas pueden moverse); toda visita nueva o movida pasa las reglas que comprueba `conflicts` (solapamiento, desplazamiento, turno, ausencia, habilidad,
ventana), y lo que no se puede colocar se lista como sin asignar. Sin --apply no se escribe nada.</translation>
    </message>
    <message>
        <source>Remove the notices read more than N days ago (N a whole number greater than 0).</source>
        <translation>Elimina los avisos leídos hace más de N días (N un número entero mayor que 0).</translation>
    </message>
    <message>
        <source>Print {&quot;removed&quot;:N}.</source>
        <translation>Imprime {&quot;removed&quot;:N}.</translation>
    </message>
    <message>
        <source>Remove the technicians&apos; outbox notices read more than N days ago. Notices not delivered
or not read yet stay, however old.</source>
        <translation>Elimina los avisos de la bandeja de salida de los técnicos leídos hace más de N días. Los avisos aún no entregados
o no leídos se quedan, por antiguos que sean.</translation>
    </message>
    <message>
        <source>prune-outbox takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-outbox no admite argumentos aparte de sus opciones (recibió &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--older-than-days: a number of days is required, e.g. --older-than-days 30</source>
        <translation>--older-than-days: se requiere un número de días, p. ej. --older-than-days 30</translation>
    </message>
    <message>
        <source>--older-than-days: &quot;%1&quot; must be a whole number greater than 0</source>
        <translation>--older-than-days: &quot;%1&quot; debe ser un número entero mayor que 0</translation>
    </message>
    <message numerus="yes">
        <source>%n outbox row(s) removed</source>
        <translation>
            <numerusform>%n fila de la bandeja de salida eliminada</numerusform>
            <numerusform>%n filas de la bandeja de salida eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <source>outbox: %1 notices delivered, %2 read</source>
        <translation>bandeja de salida: %1 avisos entregados, %2 leídos</translation>
    </message>
    <message>
        <source>The parts on hand at every warehouse and technician&apos;s van (van:TECHNICIAN), what of them is
reserved for work orders still to be done, what is available, and each part&apos;s reorder point there.</source>
        <translation>Las piezas disponibles en cada almacén y furgoneta de técnico (van:TÉCNICO), cuánto de ellas está
reservado para órdenes de trabajo aún por hacer, cuánto está disponible y el punto de pedido de cada pieza allí.</translation>
    </message>
    <message>
        <source>RESERVED</source>
        <translation>RESERVADO</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>DISPONIBLE</translation>
    </message>
    <message>
        <source>The parts whose available quantity (on hand less reserved) is below their reorder point at each
location, with how many are missing to reach it.</source>
        <translation>Las piezas cuya cantidad disponible (existencias menos reservado) está por debajo de su punto de pedido en cada
ubicación, con cuántas faltan para alcanzarlo.</translation>
    </message>
    <message>
        <source>dispatcher, planner, manager, admin or field (the field gateway&apos;s login)</source>
        <translation>dispatcher, planner, manager, admin o field (el usuario del gateway de campo)</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>Carga de datos cancelada; no se ha escrito nada.</translation>
    </message>
</context>
<context>
    <name>fieldops::AlertListModel</name>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message numerus="yes">
        <source>%1 expected %n min late for %2 · starts %3, arrives about %4</source>
        <translation>
            <numerusform>%1 llegará previsiblemente con %n min de retraso a %2 · empieza a las %3, llega hacia las %4</numerusform>
            <numerusform>%1 llegará previsiblemente con %n min de retraso a %2 · empieza a las %3, llega hacia las %4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (P%2) SLA breached %3 ago · %4</source>
        <translation>%1 (P%2) SLA incumplido hace %3 · %4</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA due in %3 · %4</source>
        <translation>%1 (P%2) el SLA vence en %3 · %4</translation>
    </message>
    <message>
        <source>%1 late: %2 not on site, start was %3 ago · %4</source>
        <translation>%1 con retraso: %2 no está en el emplazamiento, el inicio era hace %3 · %4</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA at risk: the plan ends after it falls due in %3 · %4</source>
        <translation>%1 (P%2) SLA en riesgo: el plan termina después de su vencimiento en %3 · %4</translation>
    </message>
    <message>
        <source>%1: %2 on site by GPS for %3, no on-site status sent · %4</source>
        <translation>%1: %2 en el sitio según el GPS desde hace %3, sin estado «en el sitio» · %4</translation>
    </message>
    <message>
        <source>%1 overrunning: %2 on site %3 past the planned length · %4</source>
        <translation>%1 excedido: %2 en el sitio %3 más de lo previsto · %4</translation>
    </message>
    <message>
        <source>%1 left unresolved by %2 %3 ago, no return visit booked · %4</source>
        <translation>%1 sin resolver por %2 hace %3, sin visita de regreso reservada · %4</translation>
    </message>
    <message>
        <source>%1 on shift, no position for %2</source>
        <translation>%1 en turno, sin posición desde hace %2</translation>
    </message>
</context>
<context>
    <name>fieldops::AuditHistoryModel</name>
    <message>
        <source>work order</source>
        <translation>orden de trabajo</translation>
    </message>
    <message>
        <source>visit %1</source>
        <translation>visita %1</translation>
    </message>
    <message>
        <source>required skill %1</source>
        <translation>competencia requerida %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>fieldops::BoardEditor</name>
    <message>
        <source>Refused: %1 is inactive and takes no new visits (reactivate them in Technicians first)</source>
        <translation>Rechazado: %1 está inactivo y no admite visitas nuevas (reactívelo antes en Técnicos)</translation>
    </message>
    <message>
        <source>Choose two booked visits to swap.</source>
        <translation>Elija dos visitas reservadas para intercambiarlas.</translation>
    </message>
</context>
<context>
    <name>fieldops::CapacityTableModel</name>
    <message>
        <source>%1 / %2 h</source>
        <translation>%1 / %2 h</translation>
    </message>
    <message>
        <source>all territories</source>
        <translation>todas las zonas</translation>
    </message>
    <message>
        <source>%1 (%2 – %3), %4</source>
        <translation>%1 (%2 – %3), %4</translation>
    </message>
    <message numerus="yes">
        <source>New preventive work: %1 h in %n visit(s)</source>
        <translation>
            <numerusform>Trabajo preventivo nuevo: %1 h en %n visita</numerusform>
            <numerusform>Trabajo preventivo nuevo: %1 h en %n visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free: %1 h of %n technician(s) holding the skills, after absences and bookings</source>
        <translation>
            <numerusform>Libre: %1 h de %n técnico con las competencias, descontadas ausencias y reservas</numerusform>
            <numerusform>Libre: %1 h de %n técnicos con las competencias, descontadas ausencias y reservas</numerusform>
        </translation>
    </message>
    <message>
        <source>Already booked: %1 h</source>
        <translation>Ya reservado: %1 h</translation>
    </message>
    <message>
        <source>At least one territory is overloaded this week.</source>
        <translation>Al menos una zona está sobrecargada esta semana.</translation>
    </message>
    <message>
        <source>Overloaded: more work than free hours.</source>
        <translation>Sobrecargada: más trabajo que horas libres.</translation>
    </message>
    <message>
        <source>After levelling: %1</source>
        <translation>Después de nivelar: %1</translation>
    </message>
    <message>
        <source>Before levelling: %1</source>
        <translation>Antes de nivelar: %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sin zona)</translation>
    </message>
</context>
<context>
    <name>fieldops::ConsoleSession</name>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>la base de datos tiene la versión de esquema %1, más reciente de la que entiende esta consola (%2); actualice FieldOps</translation>
    </message>
    <message>
        <source>the connection to the database was lost</source>
        <translation>se ha perdido la conexión con la base de datos</translation>
    </message>
</context>
<context>
    <name>fieldops::DayPlanProposalModel</name>
    <message>
        <source>Travel %1 min → %2 min</source>
        <translation>Desplazamiento %1 min → %2 min</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiBreakdownModel</name>
    <message>
        <source>Id</source>
        <translation>Id.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiRankingModel</name>
    <message>
        <source>The average pulled toward everyone&apos;s mean by five imaginary ratings: a few ratings cannot top the list</source>
        <translation>La media ajustada hacia la media general con cinco valoraciones imaginarias: unas pocas valoraciones no bastan para encabezar la lista</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Ranking score</source>
        <translation>Puntuación de clasificación</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiRatingListModel</name>
    <message>
        <source>Rated</source>
        <translation>Valorado</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiVisitsModel</name>
    <message>
        <source>on time</source>
        <translation>puntual</translation>
    </message>
    <message>
        <source>late</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Emplazamiento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Puntual</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
</context>
<context>
    <name>fieldops::SuggestionModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
</context>
<context>
    <name>fieldops::TimeEntryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Facturable</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Avisos</translation>
    </message>
</context>
<context>
    <name>fieldops::UserListModel</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>You are connected as %1</source>
        <translation>Está conectado como %1</translation>
    </message>
    <message>
        <source>Not limited to any territory</source>
        <translation>Sin limitación a ninguna zona</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>Zonas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>fieldops::UserService</name>
    <message>
        <source>not connected to a database</source>
        <translation>sin conexión a una base de datos</translation>
    </message>
    <message>
        <source>the change was saved, but the list could not be read again: %1</source>
        <translation>el cambio se ha guardado, pero no se ha podido volver a leer la lista: %1</translation>
    </message>
    <message>
        <source>%1 was added as %2</source>
        <translation>%1 se ha añadido como %2</translation>
    </message>
    <message>
        <source>%1&apos;s role is now %2</source>
        <translation>el rol de %1 es ahora %2</translation>
    </message>
    <message>
        <source>%1 now works in every territory</source>
        <translation>%1 trabaja ahora en todas las zonas</translation>
    </message>
    <message>
        <source>%1 is now limited to %2</source>
        <translation>%1 está ahora limitado a %2</translation>
    </message>
    <message>
        <source>%1 may log in again</source>
        <translation>%1 puede volver a iniciar sesión</translation>
    </message>
    <message>
        <source>%1 may no longer log in</source>
        <translation>%1 ya no puede iniciar sesión</translation>
    </message>
</context>
<context>
    <name>fieldops::WorkOrderTableModel</name>
    <message>
        <source>Open</source>
        <extracomment>Work-order status: not finished yet (adjective), not the verb &quot;open a file&quot;.</extracomment>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>Correctivo</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspección</translation>
    </message>
    <message>
        <source>1 Urgent</source>
        <translation>1 Urgente</translation>
    </message>
    <message>
        <source>2 High</source>
        <translation>2 Alta</translation>
    </message>
    <message>
        <source>3 Normal</source>
        <translation>3 Normal</translation>
    </message>
    <message>
        <source>4 Low</source>
        <translation>4 Baja</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Emplazamiento</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>Inicio de la franja</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>vencimiento del SLA</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Competencias</translation>
    </message>
</context>
<context>
    <name>fieldops::board::ConflictListModel</name>
    <message>
        <source>Double booking</source>
        <translation>Doble reserva</translation>
    </message>
    <message>
        <source>Travel</source>
        <extracomment>Conflict kind: too little travel time between two visits.</extracomment>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <source>Outside shift</source>
        <translation>Fuera del turno</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Ausencia</translation>
    </message>
    <message>
        <source>Missing skill</source>
        <translation>Falta competencia</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Franja horaria</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Local time</source>
        <extracomment>Column of the conflicts list when each technician&apos;s time is shown in their own zone.</extracomment>
        <translation>Hora local</translation>
    </message>
</context>
<context>
    <name>fieldops::conditions::ConditionWatch</name>
    <message>
        <source>Condition rules: evaluating…</source>
        <translation>Reglas de condición: evaluando…</translation>
    </message>
    <message>
        <source>Condition rules evaluated by this console</source>
        <translation>Reglas de condición evaluadas por esta consola</translation>
    </message>
    <message>
        <source>Condition rules evaluated by another console</source>
        <translation>Reglas de condición evaluadas por otra consola</translation>
    </message>
    <message>
        <source>Condition rules: evaluation failed</source>
        <translation>Reglas de condición: la evaluación ha fallado</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s).</source>
        <translation>
            <numerusform>Cada %n minuto.</numerusform>
            <numerusform>Cada %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Condition rules are not evaluated by this console (not connected, or this user may not open work orders).</source>
        <translation>Esta consola no evalúa las reglas de condición (sin conexión, o este usuario no puede abrir órdenes de trabajo).</translation>
    </message>
    <message>
        <source>The first evaluation of the condition rules is under way.</source>
        <translation>La primera evaluación de las reglas de condición está en curso.</translation>
    </message>
    <message numerus="yes">
        <source>Last evaluated %1 (UTC): %n rule(s)</source>
        <translation>
            <numerusform>Última evaluación el %1 (UTC): %n regla</numerusform>
            <numerusform>Última evaluación el %1 (UTC): %n reglas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) opened</source>
        <translation>
            <numerusform>%n orden de trabajo abierta</numerusform>
            <numerusform>%n órdenes de trabajo abiertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s) still breached</source>
        <translation>
            <numerusform>%n episodio aún en incumplimiento</numerusform>
            <numerusform>%n episodios aún en incumplimiento</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleared.</source>
        <translation>
            <numerusform>%n resuelto.</numerusform>
            <numerusform>%n resueltos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last evaluation of the condition rules failed: %1</source>
        <translation>La última evaluación de las reglas de condición ha fallado: %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>otra consola</translation>
    </message>
    <message>
        <source>Another console holds the evaluation&apos;s lease: %1. This console takes over when it lets go, or once it has not evaluated for twice the interval.</source>
        <translation>Otra consola tiene la concesión de la evaluación: %1. Esta consola la asume cuando la suelte, o cuando no haya evaluado durante el doble del intervalo.</translation>
    </message>
</context>
<context>
    <name>fieldops::contracts::ContractListModel</name>
    <message>
        <source>Starts %1</source>
        <translation>Empieza el %1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <source>Ended, renewed by %1</source>
        <translation>Finalizado, renovado por %1</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Finaliza en %n día</numerusform>
            <numerusform>Finaliza en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s), renewed</source>
        <translation>
            <numerusform>Finaliza en %n día, renovado</numerusform>
            <numerusform>Finaliza en %n días, renovado</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <extracomment>Contract state: in force today.</extracomment>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situación</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::AlertsController</name>
    <message>
        <source>&amp;Alert thresholds…</source>
        <translation>Umbrales de &amp;alerta…</translation>
    </message>
    <message>
        <source>When an SLA is due soon, a visit late or overrunning, a technician silent: the same for every console</source>
        <translation>Cuándo un SLA vence pronto, una visita va tarde o se excede, un técnico está en silencio: lo mismo para todas las consolas</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>Descartar alerta</translation>
    </message>
    <message>
        <source>%1

Why is this alert dismissed? Every console stops showing it.</source>
        <translation>%1

¿Por qué se descarta esta alerta? Ninguna consola la mostrará más.</translation>
    </message>
    <message>
        <source>Only managers and administrators change the alert thresholds.</source>
        <translation>Solo los gerentes y administradores cambian los umbrales de alerta.</translation>
    </message>
    <message>
        <source>Change alert thresholds</source>
        <translation>Cambiar umbrales de alerta</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ConnectionController</name>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Conectar…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Connect to a SQLite file or a PostgreSQL server</source>
        <translation>Conectar a un archivo SQLite o a un servidor PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Abrir otra base de datos…</translation>
    </message>
    <message>
        <source>Open the demo, a server or a database file, and start with it next time</source>
        <translation>Abrir la demostración, un servidor o un archivo de base de datos, y empezar con él la próxima vez</translation>
    </message>
    <message>
        <source>What your database role may change. The server enforces it; the console only hides what would be refused.</source>
        <translation>Lo que puede modificar su rol de base de datos. El servidor lo impone; la consola solo oculta lo que se rechazaría.</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>Demostración de FieldOps</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>No schema</source>
        <translation>Sin esquema</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Disconnected, showing last data</source>
        <translation>Desconectado, se muestran los últimos datos</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Usuario: %1</translation>
    </message>
    <message>
        <source>FieldOps Console — %1</source>
        <translation>FieldOps Console — %1</translation>
    </message>
    <message>
        <source>FieldOps Console</source>
        <translation>FieldOps Console</translation>
    </message>
    <message>
        <source>Initialise the database?</source>
        <translation>¿Inicializar la base de datos?</translation>
    </message>
    <message>
        <source>%1 has no FieldOps schema yet.

Create the tables now? Nothing else in the database is changed.</source>
        <translation>%1 aún no tiene el esquema de FieldOps.

¿Desea crear las tablas ahora? No se modificará nada más en la base de datos.</translation>
    </message>
    <message>
        <source>FieldOps</source>
        <translation>FieldOps</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Conectar…</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>planificación</translation>
    </message>
    <message>
        <source>work orders</source>
        <translation>órdenes de trabajo</translation>
    </message>
    <message>
        <source>absences</source>
        <translation>ausencias</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>contracts</source>
        <translation>contratos</translation>
    </message>
    <message>
        <source>technicians</source>
        <translation>técnicos</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>objetivos de KPI</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Solo consulta</translation>
    </message>
    <message>
        <source>May edit: %1</source>
        <translation>Puede editar: %1</translation>
    </message>
    <message>
        <source> · manages users</source>
        <translation> · gestiona usuarios</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado: %1</translation>
    </message>
    <message>
        <source>time entries</source>
        <translation>registros de tiempo</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ConnectionDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation>Conectar a una base de datos</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(conexión nueva)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Recordar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>This build has no keychain support: passwords are never stored.</source>
        <translation>Esta compilación no admite llavero: las contraseñas nunca se guardan.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Recientes:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>connected; the database has no FieldOps schema yet (it can be initialised after connecting)</source>
        <translation>conectado; la base de datos aún no tiene el esquema de FieldOps (se puede inicializar después de conectar)</translation>
    </message>
    <message>
        <source>connected; schema version %1 will be upgraded to %2</source>
        <translation>conectado; la versión de esquema %1 se actualizará a la %2</translation>
    </message>
    <message>
        <source>connected; schema version %1</source>
        <translation>conectado; versión de esquema %1</translation>
    </message>
    <message>
        <source>, read-only for %1</source>
        <translation>, solo lectura para %1</translation>
    </message>
    <message>
        <source>, writable as %1</source>
        <translation>, con escritura como %1</translation>
    </message>
    <message>
        <source>✔ </source>
        <translation>✔ </translation>
    </message>
    <message>
        <source>✘ </source>
        <translation>✘ </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ContractsTabController</name>
    <message>
        <source>New %1 %2</source>
        <translation>Crear %1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Editar %1 %2</translation>
    </message>
    <message>
        <source>The renewal was not saved: %1</source>
        <translation>No se ha guardado la renovación: %1</translation>
    </message>
    <message>
        <source>Renew contract %1 as %2</source>
        <translation>Renovar el contrato %1 como %2</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::CustomersTabController</name>
    <message>
        <source>New %1 %2</source>
        <translation>Crear %1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Editar %1 %2</translation>
    </message>
    <message>
        <source>Remove contact %1</source>
        <translation>Eliminar el contacto %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::DockController</name>
    <message>
        <source>Unassigned queue</source>
        <translation>Cola sin asignar</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertas (%1)</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MainWindow</name>
    <message>
        <source>Work order %1 has no pin on the map (closed, or hidden by the map&apos;s filter).</source>
        <translation>La orden de trabajo %1 no tiene marcador en el mapa (cerrada u oculta por el filtro del mapa).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About FieldOps Console</source>
        <translation>&amp;Acerca de FieldOps Console</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>About FieldOps Console</source>
        <translation>Acerca de FieldOps Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;A dispatcher console for field-service operations: work orders, the unassigned queue, technicians&apos; schedules, SLAs and KPIs, on a SQLite file or a shared PostgreSQL server.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;Una consola de coordinación para operaciones de servicio técnico: órdenes de trabajo, la cola sin asignar, la planificación de los técnicos, SLA y KPI, sobre un archivo SQLite o un servidor PostgreSQL compartido.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Message sent to %n technician(s).</source>
        <translation>
            <numerusform>Mensaje enviado a %n técnico.</numerusform>
            <numerusform>Mensaje enviado a %n técnicos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MapAssignController</name>
    <message>
        <source>Assign from the map</source>
        <translation>Asignar desde el mapa</translation>
    </message>
    <message>
        <source>Assign %1 to %2 at their next free slot:
%3 – %4</source>
        <translation>¿Asignar %1 a %2 en su próximo hueco libre?
%3 – %4</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Sin conflictos.</translation>
    </message>
    <message>
        <source>Not connected for editing: the assignment was not made.</source>
        <translation>Sin conexión para editar: no se ha realizado la asignación.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MessageController</name>
    <message>
        <source>&amp;Message technicians…</source>
        <translation>&amp;Mensaje a los técnicos…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Send a text to technicians&apos; phones (Ctrl+M)</source>
        <translation>Enviar un texto a los teléfonos de los técnicos (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::OptimizeController</name>
    <message>
        <source>Optimize day</source>
        <translation>Optimizar día</translation>
    </message>
    <message>
        <source>&amp;Optimize day…</source>
        <translation>&amp;Optimizar día…</translation>
    </message>
    <message>
        <source>Plan the day&apos;s unassigned work orders and preview the result on the board (Ctrl+Shift+P).</source>
        <translation>Planifica las órdenes de trabajo sin asignar del día y muestra una vista previa del resultado en el panel (Ctrl+Shift+P).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Optimizing %1…</source>
        <translation>Optimizando %1…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was proposed.</source>
        <translation>Cancelado: no se ha propuesto nada.</translation>
    </message>
    <message>
        <source>Optimize %1</source>
        <translation>Optimizar %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book the proposal.</source>
        <translation>Abra la pestaña Planificación para reservar la propuesta.</translation>
    </message>
    <message>
        <source>Read only: the proposal was not booked.</source>
        <translation>Solo lectura: no se ha reservado la propuesta.</translation>
    </message>
    <message>
        <source>The proposal for %1 is stale: nothing was booked.</source>
        <translation>La propuesta para %1 está obsoleta: no se ha reservado nada.</translation>
    </message>
    <message>
        <source>%1 The proposal is stale: Solve again to plan the day as it is now.</source>
        <translation>%1 La propuesta está obsoleta: use «Volver a calcular» para planificar el día tal como está ahora.</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n visit(s). Undo (Ctrl+Z) takes them all back.</source>
        <translation>
            <numerusform>Se ha reservado %n visita. Deshacer (Ctrl+Z) la anula.</numerusform>
            <numerusform>Se han reservado %n visitas. Deshacer (Ctrl+Z) las anula todas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n proposed visit(s) for %1.</source>
        <translation>
            <numerusform>Se ha reservado %n visita propuesta para %1.</numerusform>
            <numerusform>Se han reservado %n visitas propuestas para %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal discarded: nothing was booked.</source>
        <translation>Propuesta descartada: no se ha reservado nada.</translation>
    </message>
    <message>
        <source>The schedule changed since this proposal was made: it is stale and cannot be accepted. Solve again to plan the day as it is now.</source>
        <translation>La planificación ha cambiado desde que se hizo esta propuesta: está obsoleta y no se puede aceptar. Use «Volver a calcular» para planificar el día tal como está ahora.</translation>
    </message>
    <message numerus="yes">
        <source>Re-plan %1: %n new visit(s), %2 moved</source>
        <translation>
            <numerusform>Replanificar %1: %n visita nueva, %2 movidas</numerusform>
            <numerusform>Replanificar %1: %n visitas nuevas, %2 movidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n new visit(s) and moved %1. Undo (Ctrl+Z) takes it all back.</source>
        <translation>
            <numerusform>%n visita nueva reservada y %1 movidas. Deshacer (Ctrl+Z) lo revierte todo.</numerusform>
            <numerusform>%n visitas nuevas reservadas y %1 movidas. Deshacer (Ctrl+Z) lo revierte todo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-planned %1: %n new visit(s), %2 moved.</source>
        <translation>
            <numerusform>%1 replanificado: %n visita nueva, %2 movidas.</numerusform>
            <numerusform>%1 replanificado: %n visitas nuevas, %2 movidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed&lt;br&gt;%2&lt;br&gt;Not booked yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · propuesta&lt;br&gt;%2&lt;br&gt;Aún no reservada: Aceptar o Descartar en el panel Optimizar día.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed move&lt;br&gt;from %2, %3&lt;br&gt;to %4&lt;br&gt;Not moved yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · cambio propuesto&lt;br&gt;de %2, %3&lt;br&gt;a %4&lt;br&gt;Aún no movida: Aceptar o Descartar en el panel Optimizar día.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::PartsTabController</name>
    <message>
        <source>&amp;Transfer stock…</source>
        <translation>&amp;Transferir existencias…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans (Ctrl+Shift+T)</source>
        <translation>Mover existencias entre almacenes y furgonetas (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>No hay conexión con una base de datos.</translation>
    </message>
    <message>
        <source>Your role may read the stock but not change it; dispatchers, planners and administrators move stock.</source>
        <translation>Su rol puede leer las existencias pero no cambiarlas; los coordinadores, planificadores y administradores mueven existencias.</translation>
    </message>
    <message>
        <source>Your role may move stock but not change reorder points; planners and administrators do.</source>
        <translation>Su rol puede mover existencias pero no cambiar puntos de pedido; los planificadores y administradores sí.</translation>
    </message>
    <message>
        <source>Your role may change reorder points but not move stock; dispatchers, planners and administrators do.</source>
        <translation>Su rol puede cambiar puntos de pedido pero no mover existencias; los coordinadores, planificadores y administradores sí.</translation>
    </message>
    <message>
        <source>Reorder point of %1 at %2: %3 → %4</source>
        <translation>Punto de pedido de %1 en %2: %3 → %4</translation>
    </message>
    <message>
        <source>Move %1 × %2 from %3 to %4</source>
        <translation>Mover %1 × %2 de %3 a %4</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>Se movió %1 × %2 de %3 a %4: quedan %5 allí, %6 ahora en %4.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::RepairController</name>
    <message>
        <source>Make room for the &amp;urgent job…</source>
        <translation>Hacer sitio al trabajo &amp;urgente…</translation>
    </message>
    <message>
        <source>Book the selected work order on the board&apos;s day, bumping a lower-priority visit if nothing is free (Ctrl+Shift+U).</source>
        <translation>Programa la orden de trabajo seleccionada en el día del tablero, desplazando una visita de menor prioridad si no hay nada libre (Ctrl+Shift+U).</translation>
    </message>
    <message>
        <source>Select the urgent work order in the queue first.</source>
        <translation>Seleccione primero la orden de trabajo urgente en la cola.</translation>
    </message>
    <message>
        <source>Technician off sick</source>
        <translation>Técnico enfermo</translation>
    </message>
    <message>
        <source>Visit runs long</source>
        <translation>La visita se alarga</translation>
    </message>
    <message>
        <source>The visit will end this many minutes late:</source>
        <translation>La visita terminará con este retraso en minutos:</translation>
    </message>
    <message>
        <source>Make room for the urgent job</source>
        <translation>Hacer sitio al trabajo urgente</translation>
    </message>
    <message>
        <source>Open the schedule to repair its day.</source>
        <translation>Abra la agenda para reparar su día.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Working out the options…</source>
        <translation>Calculando las opciones…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Undo text of a repair of the day: what changed, then the option chosen.</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Visualización</translation>
    </message>
    <message>
        <source>Condition rules</source>
        <translation>Reglas de condición</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Rutas</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::StoryController</name>
    <message>
        <source>Work order &amp;story…</source>
        <translation>&amp;Historia de la orden de trabajo…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The selected work order&apos;s visits, time, parts, ratings and notices in a window of its own, to read, print or export</source>
        <translation>Las visitas, el tiempo, las piezas, las valoraciones y los avisos de la orden de trabajo seleccionada en una ventana propia, para leer, imprimir o exportar</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::SuggestionController</name>
    <message>
        <source>Who can do %1 (%2 min)?</source>
        <translation>¿Quién puede hacer %1 (%2 min)?</translation>
    </message>
    <message>
        <source>Who can do %1 · %2 (%3 min)?</source>
        <translation>¿Quién puede hacer %1 · %2 (%3 min)?</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Suggest &amp;technician…</source>
        <translation>Sugerir &amp;técnico…</translation>
    </message>
    <message>
        <source>Rank who could do the selected work order, and when (Ctrl+G).</source>
        <translation>Clasifica quién podría realizar la orden de trabajo seleccionada y cuándo (Ctrl+G).</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board first.</source>
        <translation>Seleccione antes una orden de trabajo en la cola o en el panel.</translation>
    </message>
    <message>
        <source>Ranking slots for %1…</source>
        <translation>Clasificando huecos para %1…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book a slot.</source>
        <translation>Abra la pestaña Planificación para reservar un hueco.</translation>
    </message>
    <message>
        <source>Read only: the slot was not booked.</source>
        <translation>Solo lectura: no se ha reservado el hueco.</translation>
    </message>
    <message>
        <source>%1 is already booked outside the dates on the board: show its day, then book to move it.</source>
        <translation>%1 ya está reservada fuera de las fechas del panel: muestre su día y, después, reserve para moverla.</translation>
    </message>
    <message>
        <source>Booked %1 with %2 at %3.</source>
        <translation>%1 reservada con %2 (%3).</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::TechniciansTabController</name>
    <message>
        <source>Technicians</source>
        <translation>Técnicos</translation>
    </message>
    <message>
        <source>Your role may read technicians but not change them; administrators do.</source>
        <translation>Su rol puede consultar los técnicos, pero no modificarlos; eso corresponde a los administradores.</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Sin conexión a una base de datos.</translation>
    </message>
    <message>
        <source>Your role may read absences but not change them; dispatchers and administrators do.</source>
        <translation>Su rol puede consultar las ausencias, pero no modificarlas; eso corresponde a los coordinadores y administradores.</translation>
    </message>
    <message>
        <source>New technician %1</source>
        <translation>Nuevo técnico %1</translation>
    </message>
    <message>
        <source>Edit technician %1</source>
        <translation>Editar técnico %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Reactivate technician %1</source>
        <translation>Reactivar técnico %1</translation>
    </message>
    <message>
        <source>Deactivate technician %1</source>
        <translation>Desactivar técnico %1</translation>
    </message>
    <message>
        <source>%1 may get new work again.</source>
        <translation>%1 puede volver a recibir trabajo nuevo.</translation>
    </message>
    <message>
        <source>%1 is inactive: kept with their history, given no new work.</source>
        <translation>%1 está inactivo: se conserva con su historial, sin recibir trabajo nuevo.</translation>
    </message>
    <message>
        <source>Absence of %1, 1 visit back to the queue</source>
        <translation>Ausencia de %1, 1 visita devuelta a la cola</translation>
    </message>
    <message>
        <source>Absence of %1, %2 visits back to the queue</source>
        <translation>Ausencia de %1, %2 visitas devueltas a la cola</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Ausencia de %1</translation>
    </message>
    <message>
        <source>Edit absence of %1</source>
        <translation>Editar ausencia de %1</translation>
    </message>
    <message>
        <source>Remove absence of %1</source>
        <translation>Eliminar ausencia de %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::TimeTabController</name>
    <message>
        <source>Read-only: your role may not approve or correct time entries.</source>
        <translation>Solo lectura: su rol no puede aprobar ni corregir registros de tiempo.</translation>
    </message>
    <message>
        <source>Read-only: not connected to a database.</source>
        <translation>Solo lectura: sin conexión con una base de datos.</translation>
    </message>
    <message>
        <source>Approve time entries %1</source>
        <translation>Aprobar registros de tiempo %1</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Aprobados: %1.</translation>
    </message>
    <message>
        <source>Already reviewed, left as they were: %1.</source>
        <translation>Ya revisados, se dejaron como estaban: %1.</translation>
    </message>
    <message>
        <source>Correct time entry %1</source>
        <translation>Corregir registro de tiempo %1</translation>
    </message>
    <message>
        <source>Corrected: %1.</source>
        <translation>Corregido: %1.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::VisitOutcomeController</name>
    <message>
        <source>Record visit &amp;outcome…</source>
        <translation>Registrar &amp;resultado de la visita…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Record how the visit ended: arrival, departure, resolved or why not (Ctrl+Shift+R)</source>
        <translation>Registrar cómo terminó la visita: llegada, salida, resuelta o por qué no (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>The selected work order has no visit whose outcome could be recorded.</source>
        <translation>La orden de trabajo seleccionada no tiene ninguna visita cuyo resultado pueda registrarse.</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>Visita de regreso</translation>
    </message>
    <message>
        <source>Work order %1 is back in the queue (%2).
Find a technician for the return visit now?</source>
        <translation>La orden de trabajo %1 volvió a la cola (%2).
¿Buscar ahora un técnico para la visita de regreso?</translation>
    </message>
    <message>
        <source>Your role may not record visits</source>
        <translation>Su rol no puede registrar visitas</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Sin conexión con una base de datos</translation>
    </message>
    <message>
        <source>Your role may not record visits.</source>
        <translation>Su rol no puede registrar visitas.</translation>
    </message>
    <message>
        <source>Visit %1 is cancelled; a cancelled visit has no outcome.</source>
        <translation>La visita %1 está cancelada; una visita cancelada no tiene resultado.</translation>
    </message>
    <message>
        <source>Outcome of visit %1</source>
        <translation>Resultado de la visita %1</translation>
    </message>
    <message>
        <source>Return visit %1 is in the queue (%2), with the parts reserved.
Find a technician for it now?</source>
        <translation>La visita de vuelta %1 está en la cola (%2), con las piezas reservadas.
¿Buscar un técnico para ella ahora?</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderDialog</name>
    <message>
        <source>New work order</source>
        <translation>Nueva orden de trabajo</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>Editar orden de trabajo %1</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Show their version; your edits here are dropped</source>
        <translation>Mostrar su versión; se descartan los cambios que haya hecho aquí</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Sobrescribir</translation>
    </message>
    <message>
        <source>Keep your edits; saving writes them on top of theirs</source>
        <translation>Conservar sus cambios; al guardar, se escriben sobre los de la otra persona</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Guardar (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Aún no: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderIntakeController</name>
    <message>
        <source>&amp;New work order…</source>
        <translation>&amp;Nueva orden de trabajo…</translation>
    </message>
    <message>
        <source>Log a customer&apos;s call as a work order (Ctrl+N)</source>
        <translation>Registrar la llamada de un cliente como orden de trabajo (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit work order…</source>
        <translation>&amp;Editar orden de trabajo…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ca&amp;ncel work order…</source>
        <translation>Ca&amp;ncelar orden de trabajo…</translation>
    </message>
    <message>
        <source>Why is work order %1 cancelled?</source>
        <translation>¿Por qué se cancela la orden de trabajo %1?</translation>
    </message>
    <message>
        <source>Work order %1 has visits booked (%2); they are cancelled with it.
Why is it cancelled?</source>
        <translation>La orden de trabajo %1 tiene visitas reservadas (%2); se cancelarán con ella.
¿Por qué se cancela?</translation>
    </message>
    <message>
        <source>Cancel work order</source>
        <translation>Cancelar orden de trabajo</translation>
    </message>
    <message>
        <source>Your role may not change work orders</source>
        <translation>Su rol no puede modificar órdenes de trabajo</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Sin conexión a una base de datos</translation>
    </message>
    <message>
        <source>Reading the customers…</source>
        <translation>Leyendo los clientes…</translation>
    </message>
    <message>
        <source>Your role may not open work orders.</source>
        <translation>Su rol no puede abrir órdenes de trabajo.</translation>
    </message>
    <message>
        <source>Your role may read this work order but not change it.</source>
        <translation>Su rol puede consultar esta orden de trabajo, pero no modificarla.</translation>
    </message>
    <message>
        <source>%1 changed work order %2 while you were editing it (now at version %3).</source>
        <translation>%1 ha modificado la orden de trabajo %2 mientras usted la editaba (ahora en la versión %3).</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>Reading %1&apos;s sites…</source>
        <translation>Leyendo los emplazamientos de %1…</translation>
    </message>
    <message>
        <source>New work order %1</source>
        <translation>Nueva orden de trabajo %1</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>Editar orden de trabajo %1</translation>
    </message>
    <message>
        <source>Cancel work order %1</source>
        <translation>Cancelar orden de trabajo %1</translation>
    </message>
</context>
<context>
    <name>fieldops::kpi::KpiService</name>
    <message>
        <source>not connected to a database</source>
        <translation>sin conexión a una base de datos</translation>
    </message>
    <message>
        <source>the previous period could not be read: %1</source>
        <translation>no se ha podido leer el período anterior: %1</translation>
    </message>
    <message>
        <source>no KPI period is shown yet</source>
        <translation>aún no se muestra ningún período de KPI</translation>
    </message>
</context>
<context>
    <name>fieldops::parts::StockTableModel</name>
    <message>
        <source>Double-click or press F2 to change the reorder point</source>
        <translation>Haga doble clic o pulse F2 para cambiar el punto de pedido</translation>
    </message>
    <message>
        <source>%1 available, %2 short of the reorder point %3</source>
        <translation>%1 disponible, faltan %2 para el punto de pedido %3</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Pieza</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En existencia</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Punto de pedido</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Falta</translation>
    </message>
</context>
<context>
    <name>fieldops::parts::TransferFormModel</name>
    <message>
        <source>%1 on hand there, %2 of them reserved for open work orders.</source>
        <translation>%1 en existencia allí, %2 de ellas reservadas para órdenes de trabajo abiertas.</translation>
    </message>
    <message>
        <source>%1 on hand there.</source>
        <translation>%1 en existencia allí.</translation>
    </message>
    <message>
        <source>Choose the part to move.</source>
        <translation>Elija la pieza que desea mover.</translation>
    </message>
    <message>
        <source>There is no part %1.</source>
        <translation>No existe la pieza %1.</translation>
    </message>
    <message>
        <source>Choose where the part comes from.</source>
        <translation>Elija de dónde sale la pieza.</translation>
    </message>
    <message>
        <source>%1 holds no %2.</source>
        <translation>%1 no tiene %2.</translation>
    </message>
    <message>
        <source>Choose where the part goes.</source>
        <translation>Elija adónde va la pieza.</translation>
    </message>
    <message>
        <source>The part is already there: choose another place.</source>
        <translation>La pieza ya está allí: elija otro lugar.</translation>
    </message>
    <message>
        <source>Type how many to move.</source>
        <translation>Escriba cuántas mover.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; no es un número.</translation>
    </message>
    <message>
        <source>Move more than 0.</source>
        <translation>Mueva más de 0.</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than %4.</source>
        <translation>%1 tiene %2 de %3, menos de %4.</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianFormModel</name>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>zona desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>competencias desconocidas: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianListModel</name>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>Tiempo parcial</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Subcontratista</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id.</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Tipo de contrato</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Competencias</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AbsenceDialog</name>
    <message>
        <source>New absence of %1</source>
        <translation>Nueva ausencia de %1</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Ausencia de %1</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Vacation, sick, training, other or your own words</source>
        <translation>Vacaciones, baja, formación, otro o sus propias palabras</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Return these visits to the queue (cancel the appointments) with this absence</source>
        <translation>Devolver estas visitas a la cola (cancelar las citas) con esta ausencia</translation>
    </message>
    <message>
        <source>Looking for visits booked in this time…</source>
        <translation>Buscando visitas reservadas en este período…</translation>
    </message>
    <message>
        <source>No visits are booked in this time.</source>
        <translation>No hay visitas reservadas en este período.</translation>
    </message>
    <message>
        <source>%1 — work order %2 (%3), %4</source>
        <translation>%1 — orden de trabajo %2 (%3), %4</translation>
    </message>
    <message>
        <source>1 visit is booked in this time:</source>
        <translation>Hay 1 visita reservada en este período:</translation>
    </message>
    <message>
        <source>%1 visits are booked in this time:</source>
        <translation>Hay %1 visitas reservadas en este período:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertThresholdsDialog</name>
    <message>
        <source>Alert thresholds</source>
        <translation>Umbrales de alerta</translation>
    </message>
    <message>
        <source>The same for every console of the operation; the on-time grace is also the KPIs&apos; on-time arrival rule.</source>
        <translation>Los mismos para todas las consolas de la operación; la tolerancia de puntualidad es también la regla de llegada puntual de los KPI.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertsView</name>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <source>Hide this alert for every console, saying why (kept in the history)</source>
        <translation>Ocultar esta alerta en todas las consolas, diciendo por qué (queda en el historial)</translation>
    </message>
    <message>
        <source>%1 breached</source>
        <translation>%1 vencidos</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1 vencen pronto</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 tarde</translation>
    </message>
    <message>
        <source>%1 at risk</source>
        <translation>%1 en riesgo</translation>
    </message>
    <message>
        <source>%1 missed status</source>
        <translation>%1 estado no enviado</translation>
    </message>
    <message>
        <source>%1 overrunning</source>
        <translation>%1 excedidos</translation>
    </message>
    <message>
        <source>%1 unresolved</source>
        <translation>%1 sin resolver</translation>
    </message>
    <message>
        <source>%1 silent</source>
        <translation>%1 en silencio</translation>
    </message>
    <message>
        <source>%1 predicted late</source>
        <translation>%1 previstos tarde</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AssetHealthView</name>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Emplazamiento</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Trabajo abierto</translation>
    </message>
    <message>
        <source>Open &amp;customer</source>
        <translation>Abrir &amp;cliente</translation>
    </message>
    <message>
        <source>The asset&apos;s customer page, with its sites and assets</source>
        <translation>La página del cliente del equipo, con sus emplazamientos y equipos</translation>
    </message>
    <message>
        <source>Site on &amp;map</source>
        <translation>Emplazamiento en el &amp;mapa</translation>
    </message>
    <message>
        <source>Open &amp;work</source>
        <translation>Abrir &amp;trabajo</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Nueva regla…</translation>
    </message>
    <message>
        <source>A condition rule that opens proactive work when an asset&apos;s readings call for it</source>
        <translation>Una regla de condición que abre trabajo proactivo cuando las lecturas de un equipo lo requieren</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation>Lectura:</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>Intervalo:</translation>
    </message>
    <message>
        <source>Open &amp;work (%1)</source>
        <translation>Abrir &amp;trabajo (%1)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Usual band (± %1 sd)</source>
        <translation>Banda habitual (± %1 desv. est.)</translation>
    </message>
    <message>
        <source>Hourly mean</source>
        <translation>Media por hora</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Lecturas</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Rule limit</source>
        <translation>Límite de la regla</translation>
    </message>
    <message>
        <source>%1 has no readings.</source>
        <translation>%1 no tiene lecturas.</translation>
    </message>
    <message>
        <source>No %1 readings in this span.</source>
        <translation>No hay lecturas de %1 en este intervalo.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Vigila</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Edit r&amp;ule…</source>
        <translation>Editar r&amp;egla…</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>Desac&amp;tivar</translation>
    </message>
    <message>
        <source>An inactive rule is not evaluated; the work it already opened stays open</source>
        <translation>Una regla inactiva no se evalúa; el trabajo que ya abrió sigue abierto</translation>
    </message>
    <message>
        <source>A&amp;ll rules</source>
        <translation>&amp;Todas las reglas</translation>
    </message>
    <message>
        <source>Every condition rule, not only the chosen asset&apos;s</source>
        <translation>Todas las reglas de condición, no solo las del activo elegido</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>activo %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactiva</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>Ac&amp;tivar</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Write one with New rule…: a limit held for some minutes, a rate of change, a service every so many runtime hours, or readings leaving the asset&apos;s own usual pattern. Each rule opens proactive work when it fires.</source>
        <translation>Aún no hay reglas de condición, así que nada vigila las lecturas de los equipos. Escriba una con Nueva regla…: un límite sostenido durante unos minutos, una tasa de cambio, un servicio cada tantas horas de funcionamiento o lecturas que se salen del patrón habitual del propio activo. Cada regla abre trabajo proactivo cuando se dispara.</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Planners write them here.</source>
        <translation>Aún no hay reglas de condición, así que nada vigila las lecturas de los equipos. Los planificadores las escriben aquí.</translation>
    </message>
    <message>
        <source>The rules watch no asset: no asset is of a rule&apos;s model or named by a rule.</source>
        <translation>Las reglas no vigilan ningún activo: ningún activo es del modelo de una regla ni está nombrado por una regla.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BillingExportDialog</name>
    <message>
        <source>Export billing</source>
        <translation>Exportar facturación</translation>
    </message>
    <message>
        <source>Approved billable time and the parts used per customer and contract, with the contracts&apos; terms applied, written as billing_summary.csv, billing_lines.csv and billing.pdf. Days are in UTC.</source>
        <translation>Tiempo facturable aprobado y piezas usadas por cliente y contrato, con las condiciones de los contratos aplicadas, escritos como billing_summary.csv, billing_lines.csv y billing.pdf. Los días están en UTC.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Eleg&amp;ir…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>Car&amp;peta:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Folder for the billing files</source>
        <translation>Carpeta para los archivos de facturación</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
    <message>
        <source>Choose the folder to write the files into.</source>
        <translation>Elija la carpeta donde escribir los archivos.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Written into %1:
%2</source>
        <translation>Escrito en %1:
%2</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>No se escribió nada: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BoardToolbar</name>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Show one day</source>
        <translation>Mostrar un día</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 días</translation>
    </message>
    <message>
        <source>Show three days</source>
        <translation>Mostrar tres días</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Show a week</source>
        <translation>Mostrar una semana</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 semanas</translation>
    </message>
    <message>
        <source>Show two weeks</source>
        <translation>Mostrar dos semanas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Scroll to now (Ctrl+T)</source>
        <translation>Desplazarse a ahora (Ctrl+T)</translation>
    </message>
    <message>
        <source>Scroll the board to now</source>
        <translation>Desplazar el panel hasta ahora</translation>
    </message>
    <message>
        <source>Day shown on the board</source>
        <translation>Día mostrado en el panel</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Marcar ausencia</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence (Ctrl+Shift+A; Esc leaves)</source>
        <translation>Arrastre a lo largo de la fila de un técnico para registrar una ausencia (Ctrl+Shift+A; Esc para salir)</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence; Escape leaves the mode</source>
        <translation>Arrastre a lo largo de la fila de un técnico para registrar una ausencia; Esc sale del modo</translation>
    </message>
    <message>
        <source>Snap</source>
        <extracomment>Drag granularity: dragged visits snap to this many minutes.</extracomment>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Snap step</source>
        <translation>Paso de ajuste</translation>
    </message>
    <message>
        <source>Territory filter</source>
        <translation>Filtro de zona</translation>
    </message>
    <message>
        <source>Skill filter</source>
        <translation>Filtro de competencia</translation>
    </message>
    <message>
        <source>Employment filter</source>
        <translation>Filtro de tipo de contrato</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>Cualquier competencia</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>Cualquier tipo de contrato</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Part time</source>
        <translation>Tiempo parcial</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Subcontratista</translation>
    </message>
    <message>
        <source>Technician name…</source>
        <translation>Nombre del técnico…</translation>
    </message>
    <message>
        <source>Technician name filter</source>
        <translation>Filtro por nombre de técnico</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Show cancelled appointments</source>
        <translation>Mostrar citas canceladas</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CapacityPreviewPanel</name>
    <message>
        <source>As due (demand / available hours)</source>
        <translation>Según vencimiento (demanda / horas disponibles)</translation>
    </message>
    <message>
        <source>Levelled</source>
        <extracomment>Heading of the capacity table after moving preventive occurrences to flatten overloaded weeks.</extracomment>
        <translation>Nivelado</translation>
    </message>
    <message>
        <source>Moves levelling makes</source>
        <translation>Movimientos de la nivelación</translation>
    </message>
    <message>
        <source>&amp;Use the levelled days when generating</source>
        <translation>&amp;Usar los días nivelados al generar</translation>
    </message>
    <message>
        <source>The load appears with the preview.</source>
        <translation>La carga aparece con la vista previa.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No preventive work falls within the horizon.</source>
        <translation>No hay trabajo preventivo dentro del horizonte.</translation>
    </message>
    <message>
        <source>No week is overloaded: the technicians able to do the work have the hours for it.</source>
        <translation>Ninguna semana está sobrecargada: los técnicos capaces de realizar el trabajo tienen horas suficientes.</translation>
    </message>
    <message numerus="yes">
        <source>%1 week(s) × territory overloaded as due; %2 after levelling with %n move(s).</source>
        <translation>
            <numerusform>%1 semanas × zona sobrecargadas según vencimiento; %2 después de nivelar con %n movimiento.</numerusform>
            <numerusform>%1 semanas × zona sobrecargadas según vencimiento; %2 después de nivelar con %n movimientos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConditionRuleDialog</name>
    <message>
        <source>New condition rule</source>
        <translation>Nueva regla de condición</translation>
    </message>
    <message>
        <source>next CR- number</source>
        <translation>siguiente número CR-</translation>
    </message>
    <message>
        <source>One asset</source>
        <translation>Un equipo</translation>
    </message>
    <message>
        <source>Every asset of a model</source>
        <translation>Todos los equipos de un modelo</translation>
    </message>
    <message>
        <source>Threshold (beyond a limit for a while)</source>
        <translation>Umbral (fuera de un límite durante un tiempo)</translation>
    </message>
    <message>
        <source>Rate of change</source>
        <translation>Tasa de variación</translation>
    </message>
    <message>
        <source>Usage interval</source>
        <translation>Intervalo de uso</translation>
    </message>
    <message>
        <source>Anomaly against its usual band</source>
        <translation>Anomalía respecto a su banda habitual</translation>
    </message>
    <message>
        <source>above</source>
        <translation>por encima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>por debajo de</translation>
    </message>
    <message>
        <source>skill codes separated by ;</source>
        <translation>códigos de competencia separados por ;</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id.:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Watches:</source>
        <translation>&amp;Vigila:</translation>
    </message>
    <message>
        <source>&amp;Asset or model:</source>
        <translation>&amp;Equipo o modelo:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Tip&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>&amp;Lectura:</translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation>&amp;Comparación:</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>U&amp;mbral:</translation>
    </message>
    <message>
        <source>&amp;Sustained for (min):</source>
        <translation>&amp;Sostenido durante (min):</translation>
    </message>
    <message>
        <source>Rate &amp;per hour:</source>
        <translation>Tasa &amp;por hora:</translation>
    </message>
    <message>
        <source>Over (mi&amp;n):</source>
        <translation>Du&amp;rante (min):</translation>
    </message>
    <message>
        <source>&amp;Usage interval:</source>
        <translation>Intervalo de &amp;uso:</translation>
    </message>
    <message>
        <source>&amp;Band (standard deviations):</source>
        <translation>&amp;Banda (desviaciones estándar):</translation>
    </message>
    <message>
        <source>Baseline &amp;weeks:</source>
        <translation>Semanas de re&amp;ferencia:</translation>
    </message>
    <message>
        <source>Work order &amp;task:</source>
        <translation>&amp;Tarea de la orden de trabajo:</translation>
    </message>
    <message>
        <source>Work order t&amp;ype:</source>
        <translation>Tipo de orden de traba&amp;jo:</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>Competencias re&amp;queridas:</translation>
    </message>
    <message>
        <source>&amp;Duration (min):</source>
        <translation>&amp;Duración (min):</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>Priorid&amp;ad:</translation>
    </message>
    <message>
        <source>Edit condition rule %1</source>
        <translation>Editar regla de condición %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConditionsPage</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>While connected, the console evaluates the condition rules this often and opens a proactive work order for each new breach. On a shared server one console evaluates at a time; the status bar says which.</source>
        <translation>Mientras está conectada, la consola evalúa las reglas de condición con esta frecuencia y abre una orden de trabajo proactiva por cada nuevo incumplimiento. En un servidor compartido, solo una consola evalúa a la vez; la barra de estado indica cuál.</translation>
    </message>
    <message>
        <source>&amp;Evaluate condition rules every:</source>
        <translation>&amp;Evaluar las reglas de condición cada:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConflictsPanel</name>
    <message numerus="yes">
        <source>%n conflict(s) in the horizon</source>
        <translation>
            <numerusform>%n conflicto en el horizonte</numerusform>
            <numerusform>%n conflictos en el horizonte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConnectionForm</name>
    <message>
        <source>SQLite file (one person, demo, laptop)</source>
        <translation>Archivo SQLite (una persona, demostración, portátil)</translation>
    </message>
    <message>
        <source>PostgreSQL server (shared)</source>
        <translation>Servidor PostgreSQL (compartido)</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Motor:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>only for verify-ca / verify-full</source>
        <translation>solo para verify-ca / verify-full</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;uerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Modo &amp;SSL:</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>Certificado &amp;raíz:</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>Archivo de base de datos SQLite</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de datos SQLite (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Certificado raíz</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Archivos de certificado (*.crt *.pem);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>the SQLite file needs an absolute path</source>
        <translation>el archivo SQLite necesita una ruta absoluta</translation>
    </message>
    <message>
        <source>enter the PostgreSQL server&apos;s host name</source>
        <translation>introduzca el nombre de host del servidor PostgreSQL</translation>
    </message>
    <message>
        <source>enter the database name</source>
        <translation>introduzca el nombre de la base de datos</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConsumptionPanel</name>
    <message>
        <source>Counted from … to:</source>
        <translation>Contabilizado desde … hasta:</translation>
    </message>
    <message>
        <source>Work orders:</source>
        <translation>Órdenes de trabajo:</translation>
    </message>
    <message>
        <source>Visits made:</source>
        <translation>Visitas realizadas:</translation>
    </message>
    <message>
        <source>Hours worked:</source>
        <translation>Horas trabajadas:</translation>
    </message>
    <message>
        <source>This billing period:</source>
        <translation>Este período de facturación:</translation>
    </message>
    <message>
        <source>SLA compliance:</source>
        <translation>Cumplimiento del SLA:</translation>
    </message>
    <message>
        <source>Preventive visits:</source>
        <translation>Visitas preventivas:</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Piezas:</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1 (%2 abiertas)</translation>
    </message>
    <message>
        <source>%1 h, of which %2 h billable</source>
        <translation>%1 h, de las que %2 h son facturables</translation>
    </message>
    <message>
        <source>%1 h used of %2 h included (%3)</source>
        <translation>%1 h usadas de %2 h incluidas (%3)</translation>
    </message>
    <message>
        <source>%1 h (%2), no hours included</source>
        <translation>%1 h (%2), sin horas incluidas</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 work orders met their SLA)</source>
        <translation>%1 % (%2 de %3 órdenes de trabajo han cumplido su SLA)</translation>
    </message>
    <message>
        <source>no work order due yet</source>
        <translation>aún no vence ninguna orden de trabajo</translation>
    </message>
    <message>
        <source>%1 done, %2 due, %3 missed</source>
        <translation>%1 realizadas, %2 pendientes, %3 no realizadas</translation>
    </message>
    <message>
        <source>included in the fee</source>
        <translation>incluidas en la cuota</translation>
    </message>
    <message>
        <source>billed at cost</source>
        <translation>facturadas a coste</translation>
    </message>
    <message>
        <source>none used; %1</source>
        <translation>ninguna usada; %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 used on %n line(s), %2 at cost; %3</source>
        <translation>
            <numerusform>%1 usadas en %n línea, %2 a coste; %3</numerusform>
            <numerusform>%1 usadas en %n líneas, %2 a coste; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n line(s) of parts without a unit cost)</source>
        <translation>
            <numerusform>(%n línea de piezas sin coste unitario)</numerusform>
            <numerusform>(%n líneas de piezas sin coste unitario)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContactsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>e.g. facilities manager, caretaker, accounts</source>
        <translation>p. ej., responsable de instalaciones, conserje, contabilidad</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Eliminar contacto</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Guardar contacto</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Aún no: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractTermsPanel</name>
    <message>
        <source>The site&apos;s territory</source>
        <translation>La zona del emplazamiento</translation>
    </message>
    <message>
        <source>Contract &amp;id:</source>
        <translation>&amp;Id. del contrato:</translation>
    </message>
    <message>
        <source>e.g. K-2027-014</source>
        <translation>p. ej., K-2027-014</translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation>Id. del cliente:</translation>
    </message>
    <message>
        <source>the customer&apos;s id</source>
        <translation>el identificador del cliente</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>e.g. Gold 24×7</source>
        <translation>p. ej., Oro 24×7</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name, phone, email or id</source>
        <translation>Escriba el nombre, teléfono, correo electrónico o identificador del cliente</translation>
    </message>
    <message>
        <source>Find c&amp;ustomer:</source>
        <translation>Buscar c&amp;liente:</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Co&amp;verage:</source>
        <translation>Co&amp;bertura:</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Días:</translation>
    </message>
    <message>
        <source>Op&amp;ens:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours start.</extracomment>
        <translation>A&amp;pertura:</translation>
    </message>
    <message>
        <source>&amp;Closes:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours end.</extracomment>
        <translation>&amp;Cierre:</translation>
    </message>
    <message>
        <source>&amp;Holidays of:</source>
        <translation>&amp;Festivos de:</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Any priority (h):</source>
        <translation>Cualquier prioridad (h):</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>%1 (h):</source>
        <translation>%1 (h):</translation>
    </message>
    <message>
        <source>Respond within</source>
        <translation>Responder en</translation>
    </message>
    <message>
        <source>Resolve within</source>
        <translation>Resolver en</translation>
    </message>
    <message>
        <source>Fi&amp;xed fee:</source>
        <translation>Cuota &amp;fija:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Fee &amp;period:</source>
        <translation>&amp;Período de la cuota:</translation>
    </message>
    <message>
        <source>&amp;Included hours per period:</source>
        <translation>&amp;Horas incluidas por período:</translation>
    </message>
    <message>
        <source>Hourly &amp;rate beyond them:</source>
        <translation>&amp;Tarifa por hora adicional:</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Piezas:</translation>
    </message>
    <message>
        <source>included in the fee (else billed)</source>
        <translation>incluidas en la cuota (si no, facturadas)</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Covered &amp;sites (none ticked: every site of the customer)</source>
        <translation>&amp;Emplazamientos cubiertos (ninguno marcado: todos los del cliente)</translation>
    </message>
    <message>
        <source>Covered &amp;assets</source>
        <translation>&amp;Equipos cubiertos</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractsView</name>
    <message>
        <source>&amp;Terms</source>
        <translation>&amp;Condiciones</translation>
    </message>
    <message>
        <source>&amp;Preventive plans</source>
        <translation>&amp;Planes preventivos</translation>
    </message>
    <message>
        <source>C&amp;onsumption</source>
        <translation>C&amp;onsumo</translation>
    </message>
    <message>
        <source>&amp;Save contract</source>
        <translation>&amp;Guardar contrato</translation>
    </message>
    <message>
        <source>Save the contract&apos;s terms (Ctrl+S)</source>
        <translation>Guardar las condiciones del contrato (Ctrl+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Renovar…</translation>
    </message>
    <message>
        <source>&amp;Generate preventive work…</source>
        <translation>&amp;Generar trabajo preventivo…</translation>
    </message>
    <message>
        <source>Preview the load and create the preventive work orders due within a horizon, for every contract</source>
        <translation>Ver la carga prevista y crear las órdenes de trabajo preventivas que vencen dentro de un horizonte, para todos los contratos</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>&amp;Festivos…</translation>
    </message>
    <message>
        <source>The territories&apos; holiday calendars, where SLA clocks stop and preventive visits move off</source>
        <translation>Los calendarios de festivos de las zonas, en los que se detienen los relojes del SLA y se desplazan las visitas preventivas</translation>
    </message>
    <message>
        <source>Search contract, name or customer</source>
        <translation>Buscar contrato, nombre o cliente</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>Todos los contratos</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation>Finalizan en 30 días</translation>
    </message>
    <message>
        <source>Ending within 60 days</source>
        <translation>Finalizan en 60 días</translation>
    </message>
    <message>
        <source>Ending within 90 days</source>
        <translation>Finalizan en 90 días</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>No iniciados</translation>
    </message>
    <message>
        <source>Any coverage</source>
        <translation>Cualquier cobertura</translation>
    </message>
    <message>
        <source>&amp;New contract</source>
        <translation>&amp;Nuevo contrato</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nuevo contrato</translation>
    </message>
    <message>
        <source>&amp;Terms *</source>
        <translation>&amp;Condiciones *</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CoverageList</name>
    <message>
        <source>· under warranty until %1</source>
        <translation>· en garantía hasta el %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CustomersView</name>
    <message>
        <source>(no territory)</source>
        <translation>(sin zona)</translation>
    </message>
    <message>
        <source>Search name, phone, email or id</source>
        <translation>Buscar nombre, teléfono, correo electrónico o identificador</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>&amp;Nuevo cliente</translation>
    </message>
    <message>
        <source>Choose a customer, or make a new one.</source>
        <translation>Elija un cliente o cree uno nuevo.</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontactos</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Emplazamientos</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>E&amp;quipos</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>&amp;Contratos</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Emplazamiento</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>Órdenes de &amp;trabajo</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id.:</translation>
    </message>
    <message>
        <source>your systems&apos; id, e.g. c-1042</source>
        <translation>el identificador de sus sistemas, p. ej., c-1042</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Co&amp;rreo electrónico:</translation>
    </message>
    <message>
        <source>Save customer</source>
        <translation>Guardar cliente</translation>
    </message>
    <message>
        <source>New work order for this customer…</source>
        <translation>Nueva orden de trabajo para este cliente…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Si&amp;te id:</source>
        <translation>Id. del em&amp;plazamiento:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;mbre:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Latitud:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitud:</translation>
    </message>
    <message>
        <source>Te&amp;rritory:</source>
        <translation>Zo&amp;na:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Click to place the site, drag the pin to move it; wheel or +/− to zoom</source>
        <translation>Haga clic para situar el emplazamiento y arrastre el marcador para moverlo; rueda o +/− para hacer zoom</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Nuevo emplazamiento</translation>
    </message>
    <message>
        <source>Save site</source>
        <translation>Guardar emplazamiento</translation>
    </message>
    <message>
        <source>Time zone proposed from %1, where the technicians work in %2; change it if the site keeps another clock.</source>
        <translation>Zona horaria propuesta a partir de %1, donde los técnicos trabajan en %2; cámbiela si el emplazamiento usa otra hora.</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>N.º de serie</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Garantía</translation>
    </message>
    <message>
        <source>Asset &amp;id:</source>
        <translation>&amp;Id. del equipo:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>Empla&amp;zamiento:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Se&amp;rial:</source>
        <translation>N.º de se&amp;rie:</translation>
    </message>
    <message>
        <source>Installed &amp;on:</source>
        <translation>Instalado &amp;el:</translation>
    </message>
    <message>
        <source>&amp;Warranty until:</source>
        <translation>&amp;Garantía hasta:</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>Historial de servicio</translation>
    </message>
    <message>
        <source>New asset at the selected site</source>
        <translation>Nuevo equipo en el emplazamiento seleccionado</translation>
    </message>
    <message>
        <source>Save asset</source>
        <translation>Guardar equipo</translation>
    </message>
    <message>
        <source>under warranty until %1</source>
        <translation>en garantía hasta el %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>finalizó el %1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>horario laboral</translation>
    </message>
    <message>
        <source>24×7</source>
        <translation>24×7</translation>
    </message>
    <message>
        <source>&amp;Work orders (%1 open, %2 past)</source>
        <translation>Órdenes de &amp;trabajo (%1 abiertas, %2 anteriores)</translation>
    </message>
    <message>
        <source>C&amp;ontacts (%1)</source>
        <translation>C&amp;ontactos (%1)</translation>
    </message>
    <message>
        <source>&amp;Sites (%1)</source>
        <translation>&amp;Emplazamientos (%1)</translation>
    </message>
    <message>
        <source>&amp;Assets (%1)</source>
        <translation>E&amp;quipos (%1)</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Aún no: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::DisplayPage</name>
    <message>
        <source>This computer&apos;s time zone (%1)</source>
        <translation>Zona horaria de este ordenador (%1)</translation>
    </message>
    <message>
        <source>This computer&apos;s language (%1)</source>
        <translation>Idioma de este ordenador (%1)</translation>
    </message>
    <message>
        <source>The schedule board, its conflicts and the KPI periods show times in this zone. Each technician&apos;s shift is still shaded in the technician&apos;s own zone.</source>
        <translation>El panel de planificación, sus conflictos y los períodos de KPI muestran las horas en esta zona. El turno de cada técnico se sigue sombreando en la zona horaria del propio técnico.</translation>
    </message>
    <message>
        <source>Show &amp;times in:</source>
        <translation>Mostrar &amp;horas en:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this computer knows; choose one from the list, e.g. America/Sao_Paulo.</source>
        <translation>&quot;%1&quot; no es una zona horaria que conozca este ordenador; elija una de la lista, p. ej., America/Sao_Paulo.</translation>
    </message>
    <message>
        <source>The console shows the new language at its next start.</source>
        <translation>La consola mostrará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Each technician&apos;s own time zone</source>
        <translation>Zona horaria de cada técnico</translation>
    </message>
    <message>
        <source>With each technician&apos;s own time zone, every row of the board shows its technician&apos;s local time (08:00 in São Paulo and in Lisbon line up) and the KPI periods use this computer&apos;s zone.</source>
        <translation>Con la zona horaria de cada técnico, cada fila del tablero muestra la hora local de su técnico (las 08:00 en São Paulo y en Lisboa quedan alineadas) y los periodos de los KPI usan la zona de este equipo.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::FirstRunDialog</name>
    <message>
        <source>Welcome to FieldOps Console</source>
        <translation>Bienvenido a FieldOps Console</translation>
    </message>
    <message>
        <source>Which database should the console open? Your choice is remembered for the next start; File → Open another database… changes it.</source>
        <translation>¿Qué base de datos debe abrir la consola? Su elección se recordará en el próximo inicio; Archivo → Abrir otra base de datos… la cambia.</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Abrir la &amp;demostración</translation>
    </message>
    <message>
        <source>A made-up field-service operation in São Paulo to try everything out. It is created the first time, which takes a moment.</source>
        <translation>Una operación de servicio técnico ficticia en São Paulo para probarlo todo. Se crea la primera vez, lo que tarda un momento.</translation>
    </message>
    <message>
        <source>Connect to a &amp;server…</source>
        <translation>Conectar a un &amp;servidor…</translation>
    </message>
    <message>
        <source>A PostgreSQL server your team shares. Pick a recent connection below or enter a new one.</source>
        <translation>Un servidor PostgreSQL compartido por su organización. Elija abajo una conexión reciente o introduzca una nueva.</translation>
    </message>
    <message>
        <source>&amp;Recent connections:</source>
        <translation>Conexiones &amp;recientes:</translation>
    </message>
    <message>
        <source>Create a new database &amp;file…</source>
        <translation>Crear un nuevo &amp;archivo de base de datos…</translation>
    </message>
    <message>
        <source>An empty SQLite file of your own, for one person working alone. Choosing an existing FieldOps file opens it as it is.</source>
        <translation>Un archivo SQLite vacío propio, para una persona que trabaja sola. Si elige un archivo de FieldOps existente, se abre tal como está.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>Nuevo archivo de base de datos</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de datos SQLite (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir otra base de datos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::GeneratePmDialog</name>
    <message>
        <source>Generate preventive work</source>
        <translation>Generar trabajo preventivo</translation>
    </message>
    <message>
        <source>&amp;Horizon:</source>
        <translation>&amp;Horizonte:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Preview shows what generating would create, before anything is written.</source>
        <translation>La vista previa muestra lo que se crearía al generar, antes de escribir nada.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>New work orders</source>
        <translation>Órdenes de trabajo nuevas</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitidas</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Capacidad</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message numerus="yes">
        <source>Generating would create %n work order(s) (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</source>
        <translation>
            <numerusform>Al generar se crearía %n orden de trabajo (%1 horas de trabajo) y se omitirían %2 repeticiones. Aún no se ha escrito nada.</numerusform>
            <numerusform>Al generar se crearían %n órdenes de trabajo (%1 horas de trabajo) y se omitirían %2 repeticiones. Aún no se ha escrito nada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s); they wait in the unassigned queue.</source>
        <translation>
            <numerusform>Se ha creado %n orden de trabajo preventiva; espera en la cola sin asignar.</numerusform>
            <numerusform>Se han creado %n órdenes de trabajo preventivas; esperan en la cola sin asignar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::HolidayCalendarDialog</name>
    <message>
        <source>Holiday calendars</source>
        <translation>Calendarios de festivos</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>&amp;Zona:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Festivo</translation>
    </message>
    <message>
        <source>e.g. Tiradentes</source>
        <translation>p. ej., Tiradentes</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <source>A CSV file with a day column (YYYY-MM-DD) and optionally name and territory_id</source>
        <translation>Un archivo CSV con una columna day (YYYY-MM-DD) y, opcionalmente, name y territory_id</translation>
    </message>
    <message>
        <source>&amp;Save calendar</source>
        <translation>&amp;Guardar calendario</translation>
    </message>
    <message>
        <source>%1 is already a holiday.</source>
        <translation>%1 ya es festivo.</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>Importar festivos</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiBreakdownView</name>
    <message>
        <source>Show all bars</source>
        <translation>Mostrar todas las barras</translation>
    </message>
    <message>
        <source>Off: the chart shows the top and the bottom of the ranking that fit. On: every bar, in a chart that scrolls.</source>
        <translation>Desactivado: el gráfico muestra la parte superior y la inferior de la clasificación que caben. Activado: todas las barras, en un gráfico con desplazamiento.</translation>
    </message>
    <message>
        <source>Bars ranked by the KPI the table is sorted by, highest first, ties by name. When not all fit, the chart shows the top and the bottom of the ranking; &quot;Show all bars&quot; shows everyone in a chart that scrolls. The table lists them all.</source>
        <translation>Barras clasificadas según el KPI por el que se ordena la tabla, de mayor a menor; los empates, por nombre. Si no caben todas, el gráfico muestra la parte superior y la inferior de la clasificación; &quot;Mostrar todas las barras&quot; las muestra todas en un gráfico con desplazamiento. La tabla las incluye todas.</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Desglosar por</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source> (%)</source>
        <translation> (%)</translation>
    </message>
    <message>
        <source>Top %1 and bottom %2 of %3</source>
        <translation>Primeros %1 y últimos %2 de %3</translation>
    </message>
    <message>
        <source>Ranked by %1,</source>
        <translation>Clasificado por %1,</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>highest first</source>
        <translation>de mayor a menor</translation>
    </message>
    <message>
        <source> · %1 without a value</source>
        <translation> · %1 sin valor</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiCard</name>
    <message>
        <source>Change against the previous period of the same length</source>
        <translation>Variación respecto al período anterior de la misma duración</translation>
    </message>
    <message>
        <source>comparing with the previous period…</source>
        <translation>comparando con el período anterior…</translation>
    </message>
    <message>
        <source>no previous data</source>
        <translation>sin datos anteriores</translation>
    </message>
    <message>
        <source>%1 vs previous</source>
        <translation>%1 respecto al anterior</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Objetivo %1</translation>
    </message>
    <message>
        <source>Target %1 · %2</source>
        <translation>Objetivo %1 · %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiDashboard</name>
    <message>
        <source>Export as PNG…</source>
        <translation>Exportar como PNG…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Exportar como PDF…</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Exportar tabla como CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Desglose</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the database again (filter changes reuse the last read for a minute)</source>
        <translation>Volver a leer la base de datos (los cambios de filtro reutilizan la última lectura durante un minuto)</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>Objetivos…</translation>
    </message>
    <message>
        <source>Set the KPI targets the cards and the trend compare with</source>
        <translation>Definir los objetivos de KPI con los que se comparan las tarjetas y la tendencia</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 – %2 · compared with %3 – %4 · %5 ms</source>
        <translation>%1 – %2 · comparado con %3 – %4 · %5 ms</translation>
    </message>
    <message>
        <source> · reading the previous period…</source>
        <translation> · leyendo el período anterior…</translation>
    </message>
    <message>
        <source>KPIs could not be loaded: %1</source>
        <translation>No se han podido cargar los KPI: %1</translation>
    </message>
    <message>
        <source>could not write the image %1</source>
        <translation>no se ha podido escribir la imagen %1</translation>
    </message>
    <message>
        <source>FieldOps KPIs</source>
        <translation>KPI de FieldOps</translation>
    </message>
    <message>
        <source>could not write the PDF %1</source>
        <translation>no se ha podido escribir el PDF %1</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>no se ha podido escribir %1</translation>
    </message>
    <message>
        <source>Proactive</source>
        <translation>Proactivo</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiDrillDown</name>
    <message>
        <source>Export visits as CSV…</source>
        <translation>Exportar visitas como CSV…</translation>
    </message>
    <message>
        <source>Export ratings as CSV…</source>
        <translation>Exportar valoraciones como CSV…</translation>
    </message>
    <message>
        <source>Visits and ratings of %1</source>
        <translation>Visitas y valoraciones de %1</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>Loading visits…</source>
        <translation>Cargando visitas…</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visita</numerusform>
            <numerusform>%n visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Visits could not be loaded: %1</source>
        <translation>No se han podido cargar las visitas: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiFilterBar</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>Todos los técnicos</translation>
    </message>
    <message>
        <source>All employment types</source>
        <translation>Todos los tipos de contrato</translation>
    </message>
    <message>
        <source>All work-order types</source>
        <translation>Todos los tipos de orden de trabajo</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Trend buckets</source>
        <translation>Agrupación de la tendencia</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiProactivePanel</name>
    <message>
        <source>Proactive share of work:</source>
        <translation>Proporción de trabajo proactivo:</translation>
    </message>
    <message>
        <source>Failures prevented:</source>
        <translation>Averías evitadas:</translation>
    </message>
    <message>
        <source>With a proactive visit in the 30 days before:</source>
        <translation>Con una visita proactiva en los 30 días anteriores:</translation>
    </message>
    <message>
        <source>Without one:</source>
        <translation>Sin visita proactiva:</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n work order(s) created in the period</source>
        <translation>
            <numerusform>%1 de %n orden de trabajo creada en el período</numerusform>
            <numerusform>%1 de %n órdenes de trabajo creadas en el período</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrective work order(s)</source>
        <translation>
            <numerusform>%n orden de trabajo correctiva</numerusform>
            <numerusform>%n órdenes de trabajo correctivas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asset-days · %2 per asset and 30 days</source>
        <translation>%1 equipos-día · %2 por equipo y 30 días</translation>
    </message>
    <message>
        <source>Proactive work orders are those a condition rule opened. Failures prevented: the corrective work orders the assets covered by a recent proactive visit would have had at the rate of the uncovered ones, less those they had (watched assets only). The filters above choose the work orders counted (a work order belongs to the technician of its visit); coverage and asset-days stay every watched asset&apos;s.</source>
        <translation>Las órdenes de trabajo proactivas son las que abrió una regla de condición. Averías evitadas: las órdenes correctivas que los activos cubiertos por una visita proactiva reciente habrían tenido al ritmo de los no cubiertos, menos las que tuvieron (solo activos vigilados). Los filtros de arriba eligen las órdenes contadas (una orden pertenece al técnico de su visita); la cobertura y los activos-día siguen siendo los de todos los activos vigilados.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiRatingsPanel</name>
    <message>
        <source>%1★</source>
        <translation>%1★</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>valoraciones</translation>
    </message>
    <message>
        <source>Distribution of scores</source>
        <translation>Distribución de puntuaciones</translation>
    </message>
    <message>
        <source>Technicians by rating</source>
        <translation>Técnicos por valoración</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Últimos comentarios</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <source>%1★ %2 (%3, %4): %5</source>
        <translation>%1★ %2 (%3, %4): %5</translation>
    </message>
    <message>
        <source>No comments in this period</source>
        <translation>No hay comentarios en este período</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiTargetEditor</name>
    <message>
        <source>KPI targets</source>
        <translation>objetivos de KPI</translation>
    </message>
    <message>
        <source>Every territory</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>Amber band down to</source>
        <translation>Banda ámbar hasta un mínimo de</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Amber band up to</source>
        <translation>Banda ámbar hasta un máximo de</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Set by %1 on %2</source>
        <translation>Definido por %1 el %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>No target yet</source>
        <translation>Aún sin objetivo</translation>
    </message>
    <message>
        <source>Saved: %1 %2</source>
        <translation>Guardado: %1 %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiTrendChart</name>
    <message>
        <source>previous period</source>
        <translation>período anterior</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <source>Trend of</source>
        <translation>Tendencia de</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan</source>
        <translation>rueda: zoom · arrastrar: desplazar</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MapView</name>
    <message>
        <source>Map of technicians and jobs</source>
        <translation>Mapa de técnicos y trabajos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>expected %n minute(s) late for the next visit</source>
        <translation>
            <numerusform>retraso previsto de %n minuto en la próxima visita</numerusform>
            <numerusform>retraso previsto de %n minutos en la próxima visita</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · P%2 · %3
%4</source>
        <translation>%1 · P%2 · %3
%4</translation>
    </message>
    <message>
        <source>unassigned: drag onto a technician to assign</source>
        <translation>sin asignar: arrástrelo hasta un técnico para asignarlo</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s): click to zoom in</source>
        <translation>
            <numerusform>%n trabajo: haga clic para acercar</numerusform>
            <numerusform>%n trabajos: haga clic para acercar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MessageTechniciansDialog</name>
    <message>
        <source>Message technicians</source>
        <translation>Mensaje a los técnicos</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Type to find a technician</source>
        <translation>Escriba para buscar un técnico</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <extracomment>The button that sends the message to the technicians&apos; phones.</extracomment>
        <translation>&amp;Enviar</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::OptimizePanel</name>
    <message>
        <source>&amp;Solve</source>
        <translation>&amp;Calcular</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Still unplaced</source>
        <translation>Aún sin colocar</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Plan the day&apos;s unassigned work orders around the visits already booked.</source>
        <translation>Planificar las órdenes de trabajo sin asignar del día en torno a las visitas ya reservadas.</translation>
    </message>
    <message>
        <source>Stop the search; nothing is proposed.</source>
        <translation>Detener la búsqueda; no se propone nada.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Book every proposed visit as one step; Undo takes them all back.</source>
        <translation>Reservar todas las visitas propuestas en un solo paso; Deshacer las anula todas.</translation>
    </message>
    <message>
        <source>Drop the proposal; nothing is booked.</source>
        <translation>Descartar la propuesta; no se reserva nada.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Límite de tiempo</translation>
    </message>
    <message>
        <source>Choose the day and Solve: the unassigned work orders are fitted around the visits already booked.</source>
        <translation>Elija el día y pulse Calcular: las órdenes de trabajo sin asignar se encajan en torno a las visitas ya reservadas.</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>Nothing to book: no unassigned work order fits this day.</source>
        <translation>Nada que reservar: ninguna orden de trabajo sin asignar cabe en este día.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) proposed. Accept books them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n visita propuesta. Con Aceptar se reserva en un solo paso; con Descartar se elimina.</numerusform>
            <numerusform>%n visitas propuestas. Con Aceptar se reservan en un solo paso; con Descartar se eliminan.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&amp;Solve again</source>
        <translation>&amp;Volver a calcular</translation>
    </message>
    <message>
        <source>&amp;Move booked visits</source>
        <translation>&amp;Mover visitas reservadas</translation>
    </message>
    <message>
        <source>Re-plan the whole day: visits already booked that are neither locked nor started may move to another time or technician. Off: they stay where they are.</source>
        <translation>Replanifica el día entero: las visitas ya reservadas que no están bloqueadas ni iniciadas pueden pasar a otra hora u otro técnico. Desmarcado: se quedan donde están.</translation>
    </message>
    <message numerus="yes">
        <source>%n new visit(s) and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n visita nueva y %1 visita(s) reservada(s) movida(s). Aceptar las escribe en un paso; Descartar las abandona.</numerusform>
            <numerusform>%n visitas nuevas y %1 visita(s) reservada(s) movida(s). Aceptar las escribe en un paso; Descartar las abandona.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PartsView</name>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ubicación:</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>&amp;Below reorder point only</source>
        <translation>Solo &amp;bajo el punto de pedido</translation>
    </message>
    <message>
        <source>The reorder list: what is available (on hand less reserved) is below the reorder point</source>
        <translation>La lista de pedidos: lo disponible (existencias menos lo reservado) está bajo el punto de pedido</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans</source>
        <translation>Mover existencias entre almacenes y furgonetas</translation>
    </message>
    <message>
        <source>Stock rows: %1</source>
        <translation>Filas de existencias: %1</translation>
    </message>
    <message>
        <source>Stock rows: %1 of %2</source>
        <translation>Filas de existencias: %1 de %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PlanEditor</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Recurrencia</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próximo vencimiento</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Plan &amp;id:</source>
        <translation>&amp;Id. del plan:</translation>
    </message>
    <message>
        <source>e.g. PM-HVAC-Q</source>
        <translation>p. ej., PM-HVAC-Q</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>&amp;Tarea:</translation>
    </message>
    <message>
        <source>e.g. Quarterly filter change</source>
        <translation>p. ej., Cambio trimestral de filtros</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>&amp;Equipo:</translation>
    </message>
    <message>
        <source>&amp;Visit length (min):</source>
        <translation>&amp;Duración de la visita (min):</translation>
    </message>
    <message>
        <source>&amp;Recurrence:</source>
        <translation>&amp;Recurrencia:</translation>
    </message>
    <message>
        <source>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</source>
        <translation>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</translation>
    </message>
    <message>
        <source>Every N &amp;days (no recurrence):</source>
        <translation>Cada N d&amp;ías (sin recurrencia):</translation>
    </message>
    <message>
        <source>&amp;First occurrence:</source>
        <translation>&amp;Primera repetición:</translation>
    </message>
    <message>
        <source>Only in &amp;months:</source>
        <translation>Solo en los &amp;meses:</translation>
    </message>
    <message>
        <source>e.g. 4;5;6 (empty: all year)</source>
        <translation>p. ej., 4;5;6 (vacío: todo el año)</translation>
    </message>
    <message>
        <source>Preferred &amp;start:</source>
        <translation>&amp;Inicio preferido:</translation>
    </message>
    <message>
        <source>&amp;Lead time (days):</source>
        <translation>&amp;Antelación (días):</translation>
    </message>
    <message>
        <source>Missed visit:</source>
        <translation>Visita no realizada:</translation>
    </message>
    <message>
        <source>shifts the following ones</source>
        <translation>desplaza las siguientes</translation>
    </message>
    <message>
        <source>Required s&amp;kills</source>
        <translation>&amp;Competencias requeridas</translation>
    </message>
    <message>
        <source>Next occurrences</source>
        <translation>Próximas repeticiones</translation>
    </message>
    <message>
        <source>New &amp;plan</source>
        <translation>&amp;Nuevo plan</translation>
    </message>
    <message>
        <source>Save p&amp;lan</source>
        <translation>Guardar p&amp;lan</translation>
    </message>
    <message>
        <source>(no asset)</source>
        <translation>(sin equipo)</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>cada %n día</numerusform>
            <numerusform>cada %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>made up for %1</source>
        <translation>recupera la del %1</translation>
    </message>
    <message>
        <source>No occurrence before the contract ends.</source>
        <translation>Ninguna repetición antes de que finalice el contrato.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RenewContractDialog</name>
    <message>
        <source>Renew contract %1</source>
        <translation>Renovar contrato %1</translation>
    </message>
    <message numerus="yes">
        <source>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan(s), moved to the new dates. It is one step on the undo stack.</source>
        <translation>
            <numerusform>La renovación conserva las condiciones, la cobertura y los emplazamientos y equipos cubiertos de %1 y copia su %n plan preventivo, trasladado a las nuevas fechas. Es un solo paso en la pila de deshacer.</numerusform>
            <numerusform>La renovación conserva las condiciones, la cobertura y los emplazamientos y equipos cubiertos de %1 y copia sus %n planes preventivos, trasladados a las nuevas fechas. Es un solo paso en la pila de deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>New contract &amp;id:</source>
        <translation>&amp;Id. del nuevo contrato:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Renovar</translation>
    </message>
    <message>
        <source>The new contract needs an id of 1 to 64 characters without spaces.</source>
        <translation>El nuevo contrato necesita un identificador de 1 a 64 caracteres sin espacios.</translation>
    </message>
    <message>
        <source>The renewal cannot end before it starts.</source>
        <translation>La renovación no puede terminar antes de empezar.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RepairDialog</name>
    <message>
        <source>Repair options</source>
        <translation>Opciones de reparación</translation>
    </message>
    <message>
        <source>Option</source>
        <extracomment>Column headings of the repair options: the cost in minutes, visits moved, visits sent to the queue, added travel, minutes past the SLA.</extracomment>
        <translation>Opción</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Movidas</translation>
    </message>
    <message>
        <source>To queue</source>
        <translation>A la cola</translation>
    </message>
    <message>
        <source>Added travel</source>
        <translation>Viaje añadido</translation>
    </message>
    <message>
        <source>Past SLA</source>
        <translation>Tras el SLA</translation>
    </message>
    <message>
        <source>&amp;Apply option</source>
        <translation>&amp;Aplicar opción</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.</source>
        <translation>No se desplaza nada: el día absorbe el cambio tal como está.</translation>
    </message>
    <message>
        <source>Displaced: %1.</source>
        <translation>Desplazadas: %1.</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1.</source>
        <translation>Dejadas en su sitio (bloqueadas o en curso): %1.</translation>
    </message>
    <message>
        <source>Cheapest first; the cost is in minutes.</source>
        <translation>La más barata primero; el coste está en minutos.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>Minutes of driving an option of a repair adds.</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>cola</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 a las %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RoutingPage</name>
    <message>
        <source>Empty: straight-line travel times</source>
        <translation>Vacío: tiempos de viaje en línea recta</translation>
    </message>
    <message>
        <source>The base address of an OSRM routing service, e.g. http://127.0.0.1:5000</source>
        <translation>La dirección base de un servicio de rutas OSRM, p. ej. http://127.0.0.1:5000</translation>
    </message>
    <message>
        <source>&amp;Routing service URL:</source>
        <translation>URL del servicio de &amp;rutas:</translation>
    </message>
    <message>
        <source>Suggestions and Optimize ask this OSRM service for road travel times between sites (one table request for many places). When it does not answer within 3 s or answers an error, they use straight-line travel times, say why, and leave the service alone for a minute. Without a service, they and the day&apos;s repairs scale straight-line times by how slowly technicians really drove in each territory (fieldops-cli travel-speeds), never below them. The Conflicts view always uses straight-line times.</source>
        <translation>Sugerencias y Optimizar piden a este servicio OSRM los tiempos de desplazamiento por carretera entre sitios (una petición de tabla para muchos lugares). Si no responde en 3 s o responde con un error, usan tiempos en línea recta, dicen por qué y dejan el servicio de lado un minuto. Sin servicio, ellos y las reparaciones del día escalan los tiempos en línea recta según la lentitud real con que los técnicos condujeron en cada territorio (fieldops-cli travel-speeds), nunca por debajo de ellos. La vista Conflictos siempre usa tiempos en línea recta.</translation>
    </message>
    <message>
        <source>Reading the recorded drives…</source>
        <translation>Leyendo los trayectos registrados…</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territorio</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Tramos</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <source>Travel speeds learned from the drives of %1 to %2 (a factor needs %3 legs):</source>
        <translation>Velocidades aprendidas de los trayectos del %1 al %2 (un factor necesita %3 tramos):</translation>
    </message>
    <message>
        <source>The learned travel speeds could not be read: %1</source>
        <translation>No se pudieron leer las velocidades aprendidas: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ScheduleBoard</name>
    <message>
        <source>Schedule board</source>
        <translation>Panel de planificación</translation>
    </message>
    <message>
        <source>Mark absent: drag along a technician&apos;s row over the time they are away; Esc leaves the mode.</source>
        <translation>Marcar ausencia: arrastre a lo largo de la fila de un técnico durante el tiempo que esté fuera; Esc sale del modo.</translation>
    </message>
    <message>
        <source>Open work order</source>
        <translation>Abrir orden de trabajo</translation>
    </message>
    <message>
        <source>Open on map</source>
        <translation>Abrir en el mapa</translation>
    </message>
    <message>
        <source>Edit work order…</source>
        <translation>Editar orden de trabajo…</translation>
    </message>
    <message>
        <source>Cancel work order…</source>
        <translation>Cancelar orden de trabajo…</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Desasignar</translation>
    </message>
    <message>
        <source>Swap the two visits</source>
        <translation>Intercambiar las dos visitas</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>Lock</source>
        <extracomment>Lock the visit in place: it keeps its technician and time when plans are optimized.</extracomment>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Status: %1 · Priority %2</source>
        <translation>Estado: %1 · Prioridad %2</translation>
    </message>
    <message>
        <source> · locked</source>
        <translation> · bloqueada</translation>
    </message>
    <message>
        <source>SLA due %1</source>
        <translation>Vencimiento del SLA: %1</translation>
    </message>
    <message numerus="yes">
        <source>Travel before: %n min</source>
        <translation>
            <numerusform>Desplazamiento previo: %n min</numerusform>
            <numerusform>Desplazamiento previo: %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the visit&apos;s outcome…</source>
        <translation>Corregir el resultado de la visita…</translation>
    </message>
    <message>
        <source>Record the visit&apos;s outcome…</source>
        <translation>Registrar el resultado de la visita…</translation>
    </message>
    <message>
        <source>Each technician&apos;s local time</source>
        <translation>Hora local de cada técnico</translation>
    </message>
    <message>
        <source>Each row is placed by its technician&apos;s own wall clock: 08:00 in São Paulo and 08:00 in Lisbon share a column. The hours above are local hours; what is saved is the exact instant in the technician&apos;s zone.</source>
        <translation>Cada fila se sitúa según el reloj local de su técnico: las 08:00 en São Paulo y las 08:00 en Lisboa comparten columna. Las horas de arriba son horas locales; lo que se guarda es el instante exacto en la zona del técnico.</translation>
    </message>
    <message>
        <source>Times in %1 (Tools → Settings… → Display)</source>
        <translation>Horas en %1 (Herramientas → Configuración… → Visualización)</translation>
    </message>
    <message>
        <source>Visit runs long…</source>
        <translation>La visita se alarga…</translation>
    </message>
    <message>
        <source>Technician off sick from now…</source>
        <translation>Técnico enfermo desde ahora…</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>A la furgoneta de %1 le faltan %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SchedulePage</name>
    <message>
        <source>Read only: your role can view the schedule but not change it.</source>
        <translation>Solo lectura: su rol puede ver la planificación, pero no modificarla.</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>Cargando la planificación…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SuggestionPanel</name>
    <message>
        <source>&amp;Book</source>
        <extracomment>Verb: book (schedule) the chosen technician and time for the work order.</extracomment>
        <translation>&amp;Reservar</translation>
    </message>
    <message>
        <source>Book the chosen slot (Enter). Undo takes it back.</source>
        <translation>Reservar el hueco elegido (Intro). Deshacer lo anula.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the suggestions (Esc).</source>
        <translation>Cerrar las sugerencias (Esc).</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board, then choose Suggest technician (Ctrl+G).</source>
        <translation>Seleccione una orden de trabajo en la cola o en el panel y, después, elija Sugerir técnico (Ctrl+G).</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>No hay ningún hueco viable: %1</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechnicianForm</name>
    <message>
        <source>Like T-042; cannot be changed later</source>
        <translation>Por ejemplo, T-042; no se puede cambiar después</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id.:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Employment:</source>
        <translation>&amp;Tipo de contrato:</translation>
    </message>
    <message>
        <source>S&amp;kills:</source>
        <translation>&amp;Competencias:</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>&amp;Zona:</translation>
    </message>
    <message>
        <source>Latitude, like -23.55</source>
        <translation>Latitud, por ejemplo, -23.55</translation>
    </message>
    <message>
        <source>Longitude, like -46.63</source>
        <translation>Longitud, por ejemplo, -46.63</translation>
    </message>
    <message>
        <source>&amp;Home base:</source>
        <translation>&amp;Base:</translation>
    </message>
    <message>
        <source>Where the technician starts and ends the day</source>
        <translation>Donde el técnico empieza y termina la jornada</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>T&amp;urno:</translation>
    </message>
    <message>
        <source>Working &amp;days:</source>
        <translation>&amp;Días laborables:</translation>
    </message>
    <message>
        <source>Empty when not known</source>
        <translation>Vacío si se desconoce</translation>
    </message>
    <message>
        <source>Hourly &amp;cost:</source>
        <translation>C&amp;oste por hora:</translation>
    </message>
    <message>
        <source>Active: gets new work</source>
        <translation>Activo: recibe trabajo nuevo</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sin zona)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechniciansView</name>
    <message>
        <source>Filter by name or id</source>
        <translation>Filtrar por nombre o identificador</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>Cualquier tipo de contrato</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Activos e inactivos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Solo activos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Solo inactivos</translation>
    </message>
    <message>
        <source>&amp;New technician</source>
        <translation>&amp;Nuevo técnico</translation>
    </message>
    <message>
        <source>Choose a technician in the list, or add a new one.</source>
        <translation>Elija un técnico de la lista o añada uno nuevo.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Ausencias</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Add absence…</source>
        <translation>&amp;Añadir ausencia…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Ed&amp;itar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>New technician</source>
        <translation>Nuevo técnico</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activar</translation>
    </message>
    <message>
        <source>Keeps the technician and their history; the board gives them no new work</source>
        <translation>Conserva el técnico y su historial; el panel no le asigna trabajo nuevo</translation>
    </message>
    <message>
        <source>The board may give them work again</source>
        <translation>El panel puede volver a asignarle trabajo</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TileSourcePage</name>
    <message>
        <source>Map tiles</source>
        <translation>Teselas del mapa</translation>
    </message>
    <message>
        <source>&amp;Online tile server</source>
        <translation>Servidor de teselas en &amp;línea</translation>
    </message>
    <message>
        <source>Offline &amp;MBTiles file</source>
        <translation>Archivo &amp;MBTiles sin conexión</translation>
    </message>
    <message>
        <source>&amp;No tiles (plain grid with latitude and longitude lines)</source>
        <translation>&amp;Sin teselas (cuadrícula simple con líneas de latitud y longitud)</translation>
    </message>
    <message>
        <source>An address with {z}, {x} and {y} where the zoom, column and row go</source>
        <translation>Una dirección con {z}, {x} e {y} donde van el zoom, la columna y la fila</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Use the standard OpenStreetMap tile server</source>
        <translation>Usar el servidor de teselas estándar de OpenStreetMap</translation>
    </message>
    <message>
        <source>The source&apos;s default (for OpenStreetMap: © OpenStreetMap contributors)</source>
        <translation>El valor predeterminado de la fuente (para OpenStreetMap: © colaboradores de OpenStreetMap)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>URL template:</source>
        <translation>Plantilla de URL:</translation>
    </message>
    <message>
        <source>Attribution:</source>
        <translation>Atribución:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Tile cache</source>
        <translation>Caché de teselas</translation>
    </message>
    <message>
        <source>&amp;Clear cache</source>
        <translation>&amp;Vaciar caché</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>The URL template is empty: enter a tile server address or choose another source.</source>
        <translation>La plantilla de URL está vacía: introduzca la dirección de un servidor de teselas o elija otra fuente.</translation>
    </message>
    <message>
        <source>The URL template has no %1: it needs {z}, {x} and {y} where the tile&apos;s zoom, column and row go.</source>
        <translation>La plantilla de URL no contiene %1: necesita {z}, {x} e {y} donde van el zoom, la columna y la fila de la tesela.</translation>
    </message>
    <message>
        <source>The URL template is not an http:// or https:// address: %1</source>
        <translation>La plantilla de URL no es una dirección http:// o https://: %1</translation>
    </message>
    <message>
        <source>No MBTiles file chosen: pick one with Browse… or choose another source.</source>
        <translation>No se ha elegido ningún archivo MBTiles: seleccione uno con Examinar… o elija otra fuente.</translation>
    </message>
    <message>
        <source>The MBTiles file cannot be used: %1</source>
        <translation>No se puede usar el archivo MBTiles: %1</translation>
    </message>
    <message>
        <source>Choose an MBTiles file</source>
        <translation>Elija un archivo MBTiles</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>Archivos MBTiles (*.mbtiles);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The tile cache is cleared.</source>
        <translation>Se ha vaciado la caché de teselas.</translation>
    </message>
    <message>
        <source>Some cached tiles could not be deleted from %1.</source>
        <translation>No se han podido eliminar algunas teselas de la caché de %1.</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>midiendo…</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacía</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeEntryCorrectionDialog</name>
    <message>
        <source>Correct time entry %1</source>
        <translation>Corregir registro de tiempo %1</translation>
    </message>
    <message>
        <source>%1 on work order %2: %3, %4 to %5</source>
        <translation>%1 en la orden de trabajo %2: %3, %4 a %5</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Inicio:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Fin:</translation>
    </message>
    <message>
        <source>&amp;Billable to the customer</source>
        <translation>&amp;Facturable al cliente</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Qué se hizo</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeReviewView</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Has&amp;ta:</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>Todos los técnicos</translation>
    </message>
    <message>
        <source>Tec&amp;hnician:</source>
        <translation>Téc&amp;nico:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected pending entries as entered (Ctrl+Enter)</source>
        <translation>Aprobar los registros pendientes seleccionados tal como se introdujeron (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corregir…</translation>
    </message>
    <message>
        <source>Correct the selected entry&apos;s times, billable flag or comment</source>
        <translation>Corregir las horas, el indicador facturable o el comentario del registro seleccionado</translation>
    </message>
    <message>
        <source>E&amp;xport billing…</source>
        <translation>E&amp;xportar facturación…</translation>
    </message>
    <message>
        <source>Write the billing of a period as CSV and PDF</source>
        <translation>Escribir la facturación de un periodo en CSV y PDF</translation>
    </message>
    <message>
        <source>Approve selected entries</source>
        <translation>Aprobar los registros seleccionados</translation>
    </message>
    <message>
        <source>Entries shown: %1 · hours: %2 · billable hours: %3 · flagged: %4</source>
        <translation>Registros mostrados: %1 · horas: %2 · horas facturables: %3 · con aviso: %4</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TransferDialog</name>
    <message>
        <source>Transfer stock</source>
        <translation>Transferir existencias</translation>
    </message>
    <message>
        <source>Choose a part</source>
        <translation>Elija una pieza</translation>
    </message>
    <message>
        <source>Choose a warehouse or van</source>
        <translation>Elija un almacén o furgoneta</translation>
    </message>
    <message>
        <source>How many, e.g. 2</source>
        <translation>Cuántas, p. ej. 2</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>&amp;Pieza:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Cantidad:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UnassignedQueueView</name>
    <message>
        <source>3 Normal</source>
        <translation>3 Normal</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Waiting for a technician: %1</source>
        <translation>Esperando a un técnico: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>Cambiar el rol de %1</translation>
    </message>
    <message>
        <source>Territories of %1</source>
        <translation>Zonas de %1</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Territories:</source>
        <translation>&amp;Zonas:</translation>
    </message>
    <message>
        <source>Nothing checked: every territory. Territories limit what a dispatcher may schedule.</source>
        <translation>Nada marcado: todas las zonas. Las zonas limitan lo que puede planificar un coordinador.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UsersView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Cambiar &amp;rol…</translation>
    </message>
    <message>
        <source>&amp;Territories…</source>
        <translation>&amp;Zonas…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Add a login in a FieldOps role</source>
        <translation>Añadir una cuenta en un rol de FieldOps</translation>
    </message>
    <message>
        <source>Move the selected login to another role</source>
        <translation>Pasar la cuenta seleccionada a otro rol</translation>
    </message>
    <message>
        <source>Limit the selected login to territories (none: all)</source>
        <translation>Limitar la cuenta seleccionada a unas zonas (ninguna: todas)</translation>
    </message>
    <message>
        <source>Let the selected login log in, or not</source>
        <translation>Permitir o impedir que la cuenta seleccionada inicie sesión</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No realizado: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::VisitOutcomeDialog</name>
    <message>
        <source>Correct the outcome of visit %1</source>
        <translation>Corregir el resultado de la visita %1</translation>
    </message>
    <message>
        <source>Record the outcome of visit %1</source>
        <translation>Registrar el resultado de la visita %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 at %4, booked %5 – %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 en %4, reservada %5 – %6</translation>
    </message>
    <message>
        <source>&amp;Arrived:</source>
        <translation>&amp;Llegó:</translation>
    </message>
    <message>
        <source>&amp;Work ended:</source>
        <translation>&amp;Trabajo terminó:</translation>
    </message>
    <message>
        <source>&amp;Left at</source>
        <translation>&amp;Salió a las</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>Salida:</translation>
    </message>
    <message>
        <source>&amp;Resolved: the job is done</source>
        <translation>&amp;Resuelta: el trabajo está hecho</translation>
    </message>
    <message>
        <source>&amp;Not resolved</source>
        <translation>&amp;No resuelta</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <extracomment>The reason list&apos;s first entry when the visit did not fix the job and no reason is chosen yet.</extracomment>
        <translation>Elija el motivo…</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>What was done, what remains for a return visit</source>
        <translation>Qué se hizo, qué queda para una visita de regreso</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Name of the customer&apos;s person who signed</source>
        <translation>Nombre de la persona del cliente que firmó</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Firmado por:</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>p. ej. 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the return visit must bring: they are listed on its work order and reserved in the technician&apos;s van or a warehouse that has them</source>
        <translation>Las piezas que la visita de vuelta debe llevar: se enumeran en su orden de trabajo y se reservan en la furgoneta del técnico o en un almacén que las tenga</translation>
    </message>
    <message>
        <source>&amp;Parts needed:</source>
        <translation>&amp;Piezas necesarias:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderFilterBar</name>
    <message>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Words to find in the work order id, summary, customer, site or technician</source>
        <translation>Palabras que buscar en el identificador, resumen, cliente, emplazamiento o técnico de la orden de trabajo</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Active (not done)</source>
        <translation>Activas (sin terminar)</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Todas las prioridades</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>%1 work orders</source>
        <translation>%1 órdenes de trabajo</translation>
    </message>
    <message>
        <source>%1 of %2 work orders</source>
        <translation>%1 de %2 órdenes de trabajo</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderForm</name>
    <message>
        <source>Name, phone, email or id</source>
        <translation>Nombre, teléfono, correo electrónico o identificador</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Emplazamiento:</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>&amp;Equipo:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioridad:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>What the customer reported, in a few words</source>
        <translation>Lo que ha notificado el cliente, en pocas palabras</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Resumen:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>Competencias re&amp;queridas:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Estimated d&amp;uration:</source>
        <translation>D&amp;uración estimada:</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Solo entre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;window:</source>
        <translation>&amp;Franja del cliente:</translation>
    </message>
    <message>
        <source>From the contract</source>
        <translation>Según el contrato</translation>
    </message>
    <message>
        <source>SLA &amp;due:</source>
        <translation>&amp;Vencimiento del SLA:</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2 (%3, opened %4)</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2 (%3, abierta el %4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly reported already&lt;/b&gt; — open work on this site:&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Posiblemente ya notificado&lt;/b&gt;: trabajo abierto en este emplazamiento:&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>(choose the customer first)</source>
        <translation>(elija antes el cliente)</translation>
    </message>
    <message>
        <source>(choose a site)</source>
        <translation>(elija un emplazamiento)</translation>
    </message>
    <message>
        <source>(no particular asset)</source>
        <translation>(ningún equipo concreto)</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1: una reparación puede ser una reclamación de garantía</translation>
    </message>
    <message>
        <source>Typed over; the contract says: %1</source>
        <translation>Modificado manualmente; el contrato indica: %1</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>Responder antes de %1</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>p. ej. 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the technician must bring: the board and the suggestions compare them with the technicians&apos; vans.</source>
        <translation>Las piezas que el técnico debe llevar: el tablero y las sugerencias las comparan con las furgonetas de los técnicos.</translation>
    </message>
    <message>
        <source>Parts &amp;needed:</source>
        <translation>Piezas &amp;necesarias:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderInspector</name>
    <message>
        <source>no SLA</source>
        <translation>sin SLA</translation>
    </message>
    <message>
        <source> (breached %1 h %2 min ago)</source>
        <translation> (incumplido hace %1 h %2 min)</translation>
    </message>
    <message>
        <source> (in %1 h %2 min)</source>
        <translation> (dentro de %1 h %2 min)</translation>
    </message>
    <message>
        <source>Select a work order in the table, the queue or the alerts to see its details.</source>
        <translation>Seleccione una orden de trabajo en la tabla, la cola o las alertas para ver sus detalles.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Emplazamiento:</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Contrato:</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>Competencias:</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>The customer&apos;s time window for the visit (when the technician may come), not a window on screen.</extracomment>
        <translation>Franja:</translation>
    </message>
    <message>
        <source>Respond by:</source>
        <translation>Responder antes de:</translation>
    </message>
    <message>
        <source>SLA due:</source>
        <translation>Vencimiento del SLA:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creación:</translation>
    </message>
    <message>
        <source>Technician</source>
        <extracomment>Columns of the visits list: when the technician arrived and left, and how the visit ended.</extracomment>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (n.º de serie %2)</translation>
    </message>
    <message>
        <source>warranty until %1</source>
        <translation>garantía hasta el %1</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1: una reparación puede ser una reclamación de garantía</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>a cualquier hora</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Work order and its visits</source>
        <translation>Orden de trabajo y sus visitas</translation>
    </message>
    <message>
        <source>Work order only</source>
        <translation>Solo la orden de trabajo</translation>
    </message>
    <message>
        <source>Visit %1 · %2 · %3</source>
        <translation>Visita %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Firmado por %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tiempo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time booked&lt;/b&gt; %1, billable %2</source>
        <translation>&lt;b&gt;Tiempo registrado&lt;/b&gt; %1, facturable %2</translation>
    </message>
    <message>
        <source> (%1 not reviewed yet)</source>
        <translation> (%1 aún sin revisar)</translation>
    </message>
    <message>
        <source>%1 × %2 (%3) from %4 on visit %5</source>
        <translation>%1 × %2 (%3) de %4 en la visita %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parts used&lt;/b&gt;</source>
        <translation>&lt;b&gt;Piezas usadas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rating&lt;/b&gt; %1 of 5</source>
        <translation>&lt;b&gt;Valoración&lt;/b&gt; %1 de 5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remains&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Pendiente&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salió</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>leída %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>entregada %1</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>aún no entregada</translation>
    </message>
    <message>
        <source>%1 to %2: %3 (%4)</source>
        <translation>%1 para %2: %3 (%4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notices to the technicians&lt;/b&gt;</source>
        <translation>&lt;b&gt;Avisos a los técnicos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Piezas:</translation>
    </message>
    <message>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2 (%3)</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>A la furgoneta de %1 le faltan %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Estimate %1; too little history to predict (completed visits of this type: %2, %3 needed)</source>
        <translation>Estimación %1; historial insuficiente para predecir (visitas completadas de este tipo: %2, se necesitan %3)</translation>
    </message>
    <message>
        <source>Predicted %1 (%2 – %3); estimate %4</source>
        <translation>Prevista %1 (%2 – %3); estimación %4</translation>
    </message>
    <message>
        <source>on this model: %1</source>
        <translation>en este modelo: %1</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>por %1: %2</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1</source>
        <translation>Visitas completadas de este tipo: %1</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1 (%2)</source>
        <translation>Visitas completadas de este tipo: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderStoryWindow</name>
    <message>
        <source>Work order story</source>
        <translation>Historia de la orden de trabajo</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Select a work order to see its story.</source>
        <translation>Seleccione una orden de trabajo para ver su historia.</translation>
    </message>
    <message>
        <source>Story of work order %1</source>
        <translation>Historia de la orden de trabajo %1</translation>
    </message>
    <message>
        <source>No work order is shown.</source>
        <translation>No se muestra ninguna orden de trabajo.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>work-order-%1.pdf</source>
        <translation>orden-de-trabajo-%1.pdf</translation>
    </message>
    <message>
        <source>Export the story as PDF</source>
        <translation>Exportar la historia como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>Orden de trabajo %1</translation>
    </message>
</context>
<context>
    <name>fieldops::workorders::WorkOrderFormModel</name>
    <message>
        <source>Under warranty until %1</source>
        <translation>En garantía hasta el %1</translation>
    </message>
    <message>
        <source>Warranty ended on %1</source>
        <translation>La garantía finalizó el %1</translation>
    </message>
    <message>
        <source>choose the customer who called</source>
        <translation>elija el cliente que ha llamado</translation>
    </message>
    <message>
        <source>site %1 is not one of this customer&apos;s</source>
        <translation>el emplazamiento %1 no pertenece a este cliente</translation>
    </message>
    <message>
        <source>this customer has no site yet: add one on the customer&apos;s page</source>
        <translation>este cliente aún no tiene emplazamientos: añada uno en la página del cliente</translation>
    </message>
    <message>
        <source>asset %1 is not at this site</source>
        <translation>el equipo %1 no está en este emplazamiento</translation>
    </message>
    <message>
        <source>say in a few words what the customer reported</source>
        <translation>indique en pocas palabras lo que ha notificado el cliente</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>competencias desconocidas: %1</translation>
    </message>
</context>
<context>
    <name>interchange</name>
    <message>
        <source>%1 is outside [%2, %3]</source>
        <translation>%1 está fuera de [%2, %3]</translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation>%1 debe ser mayor que %2</translation>
    </message>
    <message>
        <source>%1 must be at least %2</source>
        <translation>%1 debe ser como mínimo %2</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>se requiere un valor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; no es un número entero</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; no es un número</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not 0 or 1</source>
        <translation>&quot;%1&quot; no es 0 ni 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z (like 2026-03-02T08:00:00-03:00)</source>
        <translation>&quot;%1&quot; no es una marca de tiempo ISO 8601 con desfase o Z (por ejemplo, 2026-03-02T08:00:00-03:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>&quot;%1&quot; no es una fecha YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM</source>
        <translation>&quot;%1&quot; no es una hora HH:MM</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM (or 24:00)</source>
        <translation>&quot;%1&quot; no es una hora HH:MM (o 24:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IANA time zone (like America/Sao_Paulo)</source>
        <translation>&quot;%1&quot; no es una zona horaria IANA (por ejemplo, America/Sao_Paulo)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; no es uno de %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>&quot;%1&quot; no es un día de la semana (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not warehouse:&lt;id&gt; or van:&lt;technician_id&gt;</source>
        <translation>&quot;%1&quot; no es warehouse:&lt;id&gt; ni van:&lt;technician_id&gt;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>is not valid UTF-8</source>
        <translation>no es UTF-8 válido</translation>
    </message>
    <message>
        <source>a quoted cell opened on line %1 is never closed</source>
        <translation>una celda entre comillas abierta en la línea %1 no se cierra nunca</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>texto inesperado después de unas comillas de cierre</translation>
    </message>
    <message>
        <source>a quote inside an unquoted cell (quote the whole cell and double the quote)</source>
        <translation>comillas dentro de una celda sin comillas (ponga toda la celda entre comillas y duplique las comillas)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>no se puede crear el directorio %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>escribiendo %1</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>se ha cancelado la exportación</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>%1: the file is empty and was skipped</source>
        <translation>%1: el archivo está vacío y se ha omitido</translation>
    </message>
    <message>
        <source>the column appears twice in the header</source>
        <translation>la columna aparece dos veces en el encabezado</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; is unknown and was ignored</source>
        <translation>%1: la columna &quot;%2&quot; es desconocida y se ha ignorado</translation>
    </message>
    <message>
        <source>the required column is missing</source>
        <translation>falta la columna obligatoria</translation>
    </message>
    <message>
        <source>the row has %1 cells but the header has %2</source>
        <translation>la fila tiene %1 celdas, pero el encabezado tiene %2</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was written</source>
        <translation>se ha cancelado la importación; no se ha escrito nada</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 no es un directorio</translation>
    </message>
    <message>
        <source>the default time zone &quot;%1&quot; is not an IANA time zone</source>
        <translation>la zona horaria predeterminada &quot;%1&quot; no es una zona horaria IANA</translation>
    </message>
    <message>
        <source>%1: not an interchange file; ignored</source>
        <translation>%1: no es un archivo de intercambio; se ignora</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>leyendo %1</translation>
    </message>
    <message>
        <source>checking references and double bookings</source>
        <translation>comprobando referencias y dobles reservas</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>escribiendo</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(y %n problema más)</numerusform>
            <numerusform>(y %n problemas más)</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears again (first on line %2)</source>
        <translation>&quot;%1&quot; aparece de nuevo (la primera vez en la línea %2)</translation>
    </message>
    <message>
        <source>%1 is before %2 %3</source>
        <translation>%1 es anterior a %2 %3</translation>
    </message>
    <message>
        <source>%1 is not after %2 %3</source>
        <translation>%1 no es posterior a %2 %3</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot; in %2</source>
        <translation>técnico desconocido &quot;%1&quot; en %2</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation>%1 &quot;%2&quot;: no existe</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <source>already in the database</source>
        <translation>ya está en la base de datos</translation>
    </message>
    <message>
        <source>technician %1 is double-booked: overlaps appointment %2 (%3, %4 to %5)</source>
        <translation>el técnico %1 tiene una doble reserva: se solapa con la cita %2 (%3, de %4 a %5)</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>competencia</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>zona</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>site</source>
        <translation>emplazamiento</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plan de mantenimiento</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>orden de trabajo</translation>
    </message>
    <message>
        <source>part</source>
        <translation>pieza</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>las lecturas de %1 están en &quot;%2&quot;, no en &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot; (line %4), not &quot;%5&quot;</source>
        <translation>las lecturas de %1 del equipo %2 están en &quot;%3&quot; (línea %4), no en &quot;%5&quot;</translation>
    </message>
    <message>
        <source>contract %1 cannot renew itself</source>
        <translation>el contrato %1 no puede renovarse a sí mismo</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to the contract&apos;s customer %3</source>
        <translation>el emplazamiento %1 pertenece al cliente %2, no al cliente del contrato %3</translation>
    </message>
    <message>
        <source>asset %1 is at site %2 of customer %3, not of the contract&apos;s customer %4</source>
        <translation>el equipo %1 está en el emplazamiento %2 del cliente %3, no del cliente del contrato %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>work order %1 cannot be a return visit of itself</source>
        <translation>la orden de trabajo %1 no puede ser visita de vuelta de sí misma</translation>
    </message>
    <message>
        <source>work order %1 is in a loop of return visits that follow each other</source>
        <translation>la orden de trabajo %1 está en un ciclo de visitas de vuelta que se siguen unas a otras</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FieldOps</source>
        <translation>FieldOps</translation>
    </message>
    <message>
        <source>FieldOps Console: a dispatcher console for field-service operations.</source>
        <translation>FieldOps Console: una consola de coordinación para operaciones de servicio técnico.</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db (default: FIELDOPS_DB, else the choice made at the first start).</source>
        <translation>URL de la base de datos: sqlite:///abs/path.db o postgresql://user@host:port/db (predeterminada: FIELDOPS_DB o, si no, la elegida en el primer inicio).</translation>
    </message>
    <message>
        <source>Open the demo database (demo.db in the data folder, or the --db database), filling it with the demo operation when it is empty.</source>
        <translation>Abre la base de datos de demostración (demo.db en la carpeta de datos, o la base de datos de --db) y la llena con la operación de demostración si está vacía.</translation>
    </message>
    <message>
        <source>Draw VIEW (%1) of the console into the PNG FILE and exit.</source>
        <translation>Dibuja la vista VIEW (%1) de la consola en el archivo PNG FILE y sale.</translation>
    </message>
    <message>
        <source>With --screenshot: the PNG file to write.</source>
        <translation>Con --screenshot: el archivo PNG que se va a escribir.</translation>
    </message>
    <message>
        <source>--screenshot needs a view and a file: --screenshot VIEW FILE</source>
        <translation>--screenshot necesita una vista y un archivo: --screenshot VIEW FILE</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AbsenceRules</name>
    <message>
        <source>Vacation</source>
        <translation>Férias</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Doença</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Outro</translation>
    </message>
    <message>
        <source>the absence belongs to a technician</source>
        <translation>a ausência pertence a um técnico</translation>
    </message>
    <message>
        <source>when does the absence start?</source>
        <translation>quando a ausência começa?</translation>
    </message>
    <message>
        <source>when does the absence end?</source>
        <translation>quando a ausência termina?</translation>
    </message>
    <message>
        <source>the absence must end after it starts (%1)</source>
        <translation>a ausência deve terminar depois de começar (%1)</translation>
    </message>
    <message>
        <source>keep the reason to %1 characters (it has %2)</source>
        <translation>limite o motivo a %1 caracteres (ele tem %2)</translation>
    </message>
    <message>
        <source>overlaps the absence from %1 to %2%3</source>
        <translation>sobrepõe a ausência de %1 a %2%3</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot;</source>
        <translation>técnico desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>absence %1 no longer exists</source>
        <translation>a ausência %1 não existe mais</translation>
    </message>
    <message>
        <source>visit %1 is no longer booked during this absence; look at the list again</source>
        <translation>a visita %1 não está mais agendada durante esta ausência; verifique a lista novamente</translation>
    </message>
</context>
<context>
    <name>AlertEdits</name>
    <message>
        <source>alert_key: this alert cannot be dismissed</source>
        <translation>alert_key: este alerta não pode ser dispensado</translation>
    </message>
    <message>
        <source>reason: say why the alert is dismissed</source>
        <translation>reason: informe por que o alerta é dispensado</translation>
    </message>
    <message>
        <source>reason: the reason is longer than %1 characters</source>
        <translation>reason: o motivo tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>alert_key: the alert was dismissed already</source>
        <translation>alert_key: o alerta já foi dispensado</translation>
    </message>
</context>
<context>
    <name>AlertRules</name>
    <message>
        <source>SLA due soon within</source>
        <translation>SLA vence em breve dentro de</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>Late after the start by more than</source>
        <translation>Atrasado após o início em mais de</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Missed starts and silences stay alerts for</source>
        <translation>Inícios perdidos e silêncios continuam alertas por</translation>
    </message>
    <message>
        <source>Overrunning after its planned length by</source>
        <translation>Estourando a duração planejada em</translation>
    </message>
    <message>
        <source>Technician on shift without a position for</source>
        <translation>Técnico em turno sem posição por</translation>
    </message>
    <message>
        <source>Unresolved visits with nothing booked, from the last</source>
        <translation>Visitas não resolvidas sem nada agendado, dos últimos</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dias</translation>
    </message>
    <message>
        <source>%1: %2 is not from %3 to %4</source>
        <translation>%1: %2 não está entre %3 e %4</translation>
    </message>
</context>
<context>
    <name>AppointmentWriter</name>
    <message>
        <source>appointment %1 was changed by someone else; it was reloaded and nothing was undone</source>
        <translation>o agendamento %1 foi alterado por outra pessoa; ele foi recarregado e nada foi desfeito</translation>
    </message>
    <message>
        <source>appointment %1 no longer exists</source>
        <translation>o agendamento %1 não existe mais</translation>
    </message>
    <message>
        <source>appointment %1 was changed by someone else in the meantime; it was reloaded</source>
        <translation>o agendamento %1 foi alterado por outra pessoa nesse meio-tempo; ele foi recarregado</translation>
    </message>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>a ordem de serviço %1 não existe mais</translation>
    </message>
</context>
<context>
    <name>AssetHealth</name>
    <message>
        <source>%1 %2, limit %3 %4 for %5 min</source>
        <translation>%1 %2, limite %3 %4 por %5 min</translation>
    </message>
    <message>
        <source>above</source>
        <translation>acima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>abaixo de</translation>
    </message>
    <message>
        <source>%1 changing %2 per hour, limit %3</source>
        <translation>%1 variando %2 por hora, limite %3</translation>
    </message>
    <message>
        <source>%1: %2 used of %3</source>
        <translation>%1: %2 usados de %3</translation>
    </message>
    <message>
        <source>%1 %2 standard deviations from its usual, band %3</source>
        <translation>%1 a %2 desvios-padrão do habitual, faixa %3</translation>
    </message>
    <message>
        <source>breached: </source>
        <translation>violação: </translation>
    </message>
    <message>
        <source>beyond, not yet for long enough: </source>
        <translation>fora do limite, ainda não por tempo suficiente: </translation>
    </message>
    <message>
        <source>no recent readings</source>
        <translation>nenhuma leitura recente</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>nenhum ativo %1</translation>
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
        <translation>%1 está inativo e não recebe novos trabalhos; reative-o primeiro na aba Técnicos</translation>
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
        <translation>ordem de serviço</translation>
    </message>
    <message>
        <source>required skill</source>
        <translation>habilidade exigida</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>avaliação</translation>
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
        <translation>ausência</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>site</source>
        <translation>local</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contato</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>meta de KPI</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plano de manutenção</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>ativo</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>start</source>
        <translation>início</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fim</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>chegada</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolvida</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumo</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioridade</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duração</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>início da janela</translation>
    </message>
    <message>
        <source>window end</source>
        <translation>fim da janela</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>prazo do SLA</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>created</source>
        <translation>criada</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>habilidade</translation>
    </message>
    <message>
        <source>score</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentário</translation>
    </message>
    <message>
        <source>rated at</source>
        <translation>avaliada em</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>target</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>amber threshold</source>
        <translation>limite amarelo</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>território</translation>
    </message>
    <message>
        <source>response time</source>
        <translation>tempo de resposta</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>cobertura</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>data de início</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>data de término</translation>
    </message>
    <message>
        <source>home latitude</source>
        <translation>latitude da residência</translation>
    </message>
    <message>
        <source>home longitude</source>
        <translation>longitude da residência</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>dias úteis</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativo</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>provisória</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>a caminho</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>no local</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>alterado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>excluído</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
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
        <translation>sem tarifa</translation>
    </message>
    <message>
        <source>parts included</source>
        <translation>peças incluídas</translation>
    </message>
    <message>
        <source>no unit cost</source>
        <translation>sem custo unitário</translation>
    </message>
</context>
<context>
    <name>BillingExport</name>
    <message>
        <source>--out: %1 is not a directory</source>
        <translation>--out: %1 não é um diretório</translation>
    </message>
    <message>
        <source>--out: %1 cannot be created</source>
        <translation>--out: não é possível criar %1</translation>
    </message>
    <message>
        <source>--out: %1 is not writable</source>
        <translation>--out: %1 não permite gravação</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>BillingStatement</name>
    <message>
        <source>Work orders without a contract</source>
        <translation>Ordens de serviço sem contrato</translation>
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
        <translation>Horas faturáveis aprovadas</translation>
    </message>
    <message>
        <source>Hours included in the period</source>
        <translation>Horas incluídas no período</translation>
    </message>
    <message>
        <source>Hours beyond the included hours</source>
        <translation>Horas além das horas incluídas</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Tarifa por hora</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>Taxa fixa</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Peças</translation>
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
        <translation>Nenhum tempo ou peça faturado no período.</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quando (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Faturado</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Preço unitário</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
    <message>
        <source>Total for the customer: %1</source>
        <translation>Total para o cliente: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>Extrato de %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (UTC days)</source>
        <translation>Período: %1 a %2 (dias UTC)</translation>
    </message>
    <message>
        <source>Time entries awaiting review, not billed: %1</source>
        <translation>Lançamentos de horas aguardando revisão, não faturados: %1</translation>
    </message>
    <message>
        <source>Nothing to bill from %1 to %2.</source>
        <translation>Nada a faturar de %1 a %2.</translation>
    </message>
    <message>
        <source>Billing %1 to %2</source>
        <translation>Faturamento de %1 a %2</translation>
    </message>
</context>
<context>
    <name>BoardLoader</name>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>a ordem de serviço %1 não existe mais</translation>
    </message>
</context>
<context>
    <name>BookDayPlanCommand</name>
    <message>
        <source>The schedule changed since this day was optimized: nothing was booked.</source>
        <translation>A programação mudou desde que este dia foi otimizado: nada foi agendado.</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was booked.</source>
        <translation>A ordem de serviço %1 não está mais aberta: nada foi agendado.</translation>
    </message>
</context>
<context>
    <name>ConditionEvaluation</name>
    <message>
        <source>above</source>
        <translation>acima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>abaixo de</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 por %4 min</translation>
    </message>
    <message>
        <source>%1 changing by %2 per hour over %3 min, %4 the limit of %5 per hour</source>
        <translation>%1 variando %2 por hora ao longo de %3 min, %4 o limite de %5 por hora</translation>
    </message>
    <message>
        <source>%1 used %2 since the last preventive or proactive visit (interval %3)</source>
        <translation>%1 usou %2 desde a última visita preventiva ou proativa (intervalo %3)</translation>
    </message>
    <message>
        <source>%1 outside its usual band (mean ± %2 standard deviations of the same hour of the week over %3 weeks) for %4 min</source>
        <translation>%1 fora da faixa habitual (média ± %2 desvios-padrão da mesma hora da semana ao longo de %3 semanas) por %4 min</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>another session</source>
        <translation>outra sessão</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>episode %1 of rule %2 was changed by another evaluation</source>
        <translation>o episódio %1 da regra %2 foi alterado por outra avaliação</translation>
    </message>
    <message>
        <source>Opened by condition rule %1%2: %3.
Readings: %4.</source>
        <translation>Aberta pela regra de condição %1%2: %3.
Leituras: %4.</translation>
    </message>
    <message>
        <source>rule %1 on asset %2: the work order is refused: %3</source>
        <translation>regra %1 no ativo %2: a ordem de serviço foi recusada: %3</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>outro console</translation>
    </message>
</context>
<context>
    <name>ConditionRuleStore</name>
    <message>
        <source>unknown key</source>
        <translation>chave desconhecida</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>deve ser um texto</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>deve ser um número inteiro</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>deve ser um número</translation>
    </message>
    <message>
        <source>one of asset_id and asset_model is required</source>
        <translation>é necessário um entre asset_id e asset_model</translation>
    </message>
    <message>
        <source>give asset_id or asset_model, not both</source>
        <translation>informe asset_id ou asset_model, não ambos</translation>
    </message>
    <message>
        <source>is required (threshold, rate, usage or anomaly)</source>
        <translation>é obrigatório (threshold, rate, usage ou anomaly)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not threshold, rate, usage or anomaly</source>
        <translation>&quot;%1&quot; não é threshold, rate, usage ou anomaly</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>é obrigatório</translation>
    </message>
    <message>
        <source>a usage rule counts runtime_hours or cycles</source>
        <translation>uma regra de uso conta runtime_hours ou cycles</translation>
    </message>
    <message>
        <source>is no parameter of a %1 rule</source>
        <translation>não é parâmetro de uma regra %1</translation>
    </message>
    <message>
        <source>is required for a %1 rule</source>
        <translation>é obrigatório para uma regra %1</translation>
    </message>
    <message>
        <source>must be above or below</source>
        <translation>deve ser above ou below</translation>
    </message>
    <message>
        <source>must be from 1 to 1440</source>
        <translation>deve ser de 1 a 1440</translation>
    </message>
    <message>
        <source>must be from 2 to 1440</source>
        <translation>deve ser de 2 a 1440</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>deve ser maior que 0</translation>
    </message>
    <message>
        <source>must be from %1 to 52</source>
        <translation>deve ser de %1 a 52</translation>
    </message>
    <message>
        <source>is required: the work order&apos;s summary</source>
        <translation>é obrigatório: o resumo da ordem de serviço</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>deve ser um de %1</translation>
    </message>
    <message>
        <source>must be skill codes</source>
        <translation>devem ser códigos de habilidade</translation>
    </message>
    <message>
        <source>must be a &apos;;&apos; list or an array of skill codes</source>
        <translation>deve ser uma lista separada por &apos;;&apos; ou um array de códigos de habilidade</translation>
    </message>
    <message>
        <source>must be from 1 to 4</source>
        <translation>deve ser de 1 a 4</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>deve ser true ou false</translation>
    </message>
    <message>
        <source>rule %1 already exists</source>
        <translation>a regra %1 já existe</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>nenhum ativo %1</translation>
    </message>
    <message>
        <source>no asset has the model %1</source>
        <translation>nenhum ativo tem o modelo %1</translation>
    </message>
    <message>
        <source>unknown skill %1</source>
        <translation>habilidade desconhecida %1</translation>
    </message>
    <message numerus="yes">
        <source>rule %1 has already opened work (%n episode(s)); make it inactive instead</source>
        <translation>
            <numerusform>a regra %1 já abriu trabalho (%n episódio); desative-a em vez disso</numerusform>
            <numerusform>a regra %1 já abriu trabalho (%n episódios); desative-a em vez disso</numerusform>
        </translation>
    </message>
    <message>
        <source>rule %1 was changed or removed by someone else</source>
        <translation>a regra %1 foi alterada ou removida por outra pessoa</translation>
    </message>
    <message>
        <source>a rule&apos;s id cannot change (%1)</source>
        <translation>o id de uma regra não pode mudar (%1)</translation>
    </message>
    <message>
        <source>no condition rule %1</source>
        <translation>nenhuma regra de condição %1</translation>
    </message>
    <message>
        <source>rule %1 was removed by someone else meanwhile</source>
        <translation>a regra %1 foi removida por outra pessoa nesse meio-tempo</translation>
    </message>
    <message>
        <source>rule %1 was changed by someone else meanwhile (version %2, not %3); read it again</source>
        <translation>a regra %1 foi alterada por outra pessoa nesse meio-tempo (versão %2, não %3); leia-a novamente</translation>
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
        <translation>%1 (%2) e %3 (%4) se sobrepõem: agendamento duplo (%5)</translation>
    </message>
    <message>
        <source>%1 between the end of %2 and the start of %3, but travel takes %4</source>
        <translation>%1 entre o fim de %2 e o início de %3, mas o deslocamento leva %4</translation>
    </message>
    <message>
        <source>%1 starts %2 before %3 ends, and travel takes %4</source>
        <translation>%1 começa %2 antes de %3 terminar, e o deslocamento leva %4</translation>
    </message>
    <message>
        <source>%1 falls on a day off (%2, %3)</source>
        <translation>%1 cai em um dia de folga (%2, %3)</translation>
    </message>
    <message>
        <source>%1 is not inside the shift %2 (%3)</source>
        <translation>%1 não está dentro do turno %2 (%3)</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1 and %2 more</source>
        <translation>coincide com a ausência %1 do técnico e mais %2</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1</source>
        <translation>coincide com a ausência %1 do técnico</translation>
    </message>
    <message>
        <source>the technician lacks the skill(s) %1 that %2 requires</source>
        <translation>o técnico não tem a(s) habilidade(s) %1 que %2 exige</translation>
    </message>
    <message>
        <source>starts %1, before the window opens %2</source>
        <translation>começa %1, antes de a janela abrir %2</translation>
    </message>
    <message>
        <source>ends %1, after the window closes %2</source>
        <translation>termina %1, depois de a janela fechar %2</translation>
    </message>
    <message>
        <source>ends %1, %2 after the SLA of %3 is due (%4, %5)</source>
        <translation>termina %1, %2 após o prazo do SLA de %3 (%4, %5)</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>o servidor não informou o que este usuário pode fazer</translation>
    </message>
    <message>
        <source>%1 is the field gateway&apos;s login (role field): it may only call the gateway&apos;s server functions and cannot open the console; connect as a dispatcher, planner, manager or admin</source>
        <translation>%1 é o login do gateway de campo (papel field): só pode chamar as funções do gateway no servidor e não pode abrir o console; conecte-se como despachante, planejador, gerente ou administrador</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>not connected to a database</source>
        <translation>não conectado a um banco de dados</translation>
    </message>
</context>
<context>
    <name>ContractPage</name>
    <message>
        <source>contract %1 does not exist</source>
        <translation>o contrato %1 não existe</translation>
    </message>
</context>
<context>
    <name>ContractRules</name>
    <message>
        <source>give %1</source>
        <translation>informe %1</translation>
    </message>
    <message>
        <source>%1 is a whole number from %2 to %3</source>
        <translation>%1 é um número inteiro de %2 a %3</translation>
    </message>
    <message>
        <source>%1 is an amount of zero or more</source>
        <translation>%1 é um valor igual ou maior que zero</translation>
    </message>
    <message>
        <source>coverage is 24x7 or business_hours, not &quot;%1&quot;</source>
        <translation>a cobertura é 24x7 ou business_hours, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>business hours need at least one covered day</source>
        <translation>o horário comercial precisa de pelo menos um dia coberto</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>&quot;%1&quot; não é um dia (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</translation>
    </message>
    <message>
        <source>opening time is HH:MM, e.g. 08:00</source>
        <translation>o horário de abertura é HH:MM, p. ex. 08:00</translation>
    </message>
    <message>
        <source>closing time is HH:MM, e.g. 18:00 (24:00 for midnight)</source>
        <translation>o horário de fechamento é HH:MM, p. ex. 18:00 (24:00 para meia-noite)</translation>
    </message>
    <message>
        <source>closing time must be after the opening time %1</source>
        <translation>o horário de fechamento deve ser posterior ao horário de abertura %1</translation>
    </message>
    <message>
        <source>choose the customer the contract is with</source>
        <translation>escolha o cliente do contrato</translation>
    </message>
    <message>
        <source>give the contract a name planners and dispatchers recognise, e.g. &quot;Gold 24×7&quot;</source>
        <translation>dê ao contrato um nome que planejadores e despachantes reconheçam, p. ex. &quot;Ouro 24×7&quot;</translation>
    </message>
    <message>
        <source>the first day is a date YYYY-MM-DD</source>
        <translation>o primeiro dia é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>the last day is a date YYYY-MM-DD</source>
        <translation>o último dia é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>the contract cannot end before it starts (%1)</source>
        <translation>o contrato não pode terminar antes de começar (%1)</translation>
    </message>
    <message>
        <source>the response time in hours</source>
        <translation>o tempo de resposta em horas</translation>
    </message>
    <message>
        <source>the resolution time in hours</source>
        <translation>o tempo de resolução em horas</translation>
    </message>
    <message>
        <source>resolving cannot take less time than responding (%1 h)</source>
        <translation>a resolução não pode levar menos tempo que a resposta (%1 h)</translation>
    </message>
    <message>
        <source>the fixed fee</source>
        <translation>a taxa fixa</translation>
    </message>
    <message>
        <source>included hours</source>
        <translation>horas incluídas</translation>
    </message>
    <message>
        <source>the hourly rate</source>
        <translation>a tarifa por hora</translation>
    </message>
    <message>
        <source>the fee is per month, quarter or year</source>
        <translation>a taxa é por mês, trimestre ou ano</translation>
    </message>
    <message>
        <source>a contract cannot renew itself</source>
        <translation>um contrato não pode renovar a si mesmo</translation>
    </message>
    <message>
        <source>a plan belongs to a contract</source>
        <translation>um plano pertence a um contrato</translation>
    </message>
    <message>
        <source>say what the visit does, e.g. &quot;Quarterly filter change&quot;</source>
        <translation>diga o que a visita faz, p. ex. &quot;Troca trimestral de filtro&quot;</translation>
    </message>
    <message>
        <source>the interval in days</source>
        <translation>o intervalo em dias</translation>
    </message>
    <message>
        <source>the visit&apos;s length in minutes</source>
        <translation>a duração da visita em minutos</translation>
    </message>
    <message>
        <source>the lead time in days</source>
        <translation>a antecedência em dias</translation>
    </message>
    <message>
        <source>the first occurrence is a date YYYY-MM-DD</source>
        <translation>a primeira ocorrência é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>not a recurrence, e.g. &quot;every 1 months on last Fri&quot;</source>
        <translation>não é uma recorrência, p. ex. &quot;every 1 months on last Fri&quot;</translation>
    </message>
    <message>
        <source>months are numbers 1 to 12, e.g. 4;5;6</source>
        <translation>os meses são números de 1 a 12, p. ex. 4;5;6</translation>
    </message>
    <message>
        <source>the preferred start is HH:MM, e.g. 09:00</source>
        <translation>o início preferido é HH:MM, p. ex. 09:00</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 já está em uso: os ids são únicos</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>site %1 is not a site of customer %2</source>
        <translation>o local %1 não é um local do cliente %2</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of customer %2</source>
        <translation>o ativo %1 não está em um local do cliente %2</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>território desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>contrato desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of the contract&apos;s customer</source>
        <translation>o ativo %1 não está em um local do cliente do contrato</translation>
    </message>
    <message>
        <source>unknown skill &quot;%1&quot;</source>
        <translation>habilidade desconhecida &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ContractsView</name>
    <message>
        <source>Your role may read contracts and plans but not change them.</source>
        <translation>Seu papel pode ler contratos e planos, mas não alterá-los.</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>customer %1 does not exist</source>
        <translation>o cliente %1 não existe</translation>
    </message>
</context>
<context>
    <name>CustomerRules</name>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>&quot;%1&quot; não é um endereço de e-mail</translation>
    </message>
    <message>
        <source>a phone number has digits, spaces and + ( ) - . / only</source>
        <translation>um número de telefone tem apenas dígitos, espaços e + ( ) - . /</translation>
    </message>
    <message>
        <source>give the contact&apos;s name</source>
        <translation>informe o nome do contato</translation>
    </message>
    <message>
        <source>give a phone number or an email, so the contact can be reached</source>
        <translation>informe um telefone ou e-mail para que o contato possa ser encontrado</translation>
    </message>
    <message>
        <source>give the site a name or an address, so dispatchers can tell it apart</source>
        <translation>dê ao local um nome ou endereço para que os despachantes possam distingui-lo</translation>
    </message>
    <message>
        <source>choose the site&apos;s time zone (its clock for windows and SLAs)</source>
        <translation>escolha o fuso horário do local (seu relógio para janelas e SLAs)</translation>
    </message>
    <message>
        <source>the warranty cannot end before the asset was installed</source>
        <translation>a garantia não pode terminar antes da instalação do ativo</translation>
    </message>
    <message>
        <source>give the model or the serial number, so technicians find the right unit</source>
        <translation>informe o modelo ou o número de série para que os técnicos encontrem a unidade certa</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 já está em uso: os ids são únicos</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>território desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>local desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>give the record an id (your systems&apos; id, or any short code)</source>
        <translation>dê um id ao registro (o id dos seus sistemas ou qualquer código curto)</translation>
    </message>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>um id tem de 1 a 64 caracteres e nenhum espaço</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Your role may read customers, sites and assets but not change them.</source>
        <translation>Seu papel pode ler clientes, locais e ativos, mas não alterá-los.</translation>
    </message>
</context>
<context>
    <name>DayPlan</name>
    <message>
        <source>no site to go to</source>
        <translation>nenhum local para onde ir</translation>
    </message>
    <message>
        <source>no qualified technician: nobody active holds every required skill</source>
        <translation>nenhum técnico qualificado: ninguém ativo possui todas as habilidades exigidas</translation>
    </message>
    <message>
        <source>the customer&apos;s window is shorter than the work</source>
        <translation>a janela do cliente é mais curta que o trabalho</translation>
    </message>
    <message>
        <source>outside every shift: no qualified technician works that day</source>
        <translation>fora de todos os turnos: nenhum técnico qualificado trabalha nesse dia</translation>
    </message>
    <message>
        <source>every qualified technician is absent that day</source>
        <translation>todos os técnicos qualificados estão ausentes nesse dia</translation>
    </message>
    <message>
        <source>the time window cannot be met inside a qualified technician&apos;s shift</source>
        <translation>a janela de horário não pode ser cumprida dentro do turno de um técnico qualificado</translation>
    </message>
    <message>
        <source>no room left in the qualified technicians&apos; day</source>
        <translation>não há mais espaço no dia dos técnicos qualificados</translation>
    </message>
    <message>
        <source>the visit found would break a rule check (travel or overlap)</source>
        <translation>a visita encontrada violaria uma verificação de regra (deslocamento ou sobreposição)</translation>
    </message>
</context>
<context>
    <name>DayPlanLoader</name>
    <message>
        <source>territory %1 does not exist</source>
        <translation>o território %1 não existe</translation>
    </message>
</context>
<context>
    <name>DayPlanWriter</name>
    <message>
        <source>the schedule changed while the day was planned; nothing was written, plan again</source>
        <translation>a programação mudou enquanto o dia era planejado; nada foi gravado, planeje novamente</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, plan again</source>
        <translation>a ordem de serviço %1 não está mais aberta; nada foi gravado, planeje novamente</translation>
    </message>
</context>
<context>
    <name>DayRepair</name>
    <message>
        <source>technician %1 does not exist</source>
        <translation>o técnico %1 não existe</translation>
    </message>
    <message>
        <source>technician %1&apos;s day %2 is over by %3: nothing is left to repair</source>
        <translation>o dia %2 do técnico %1 já terminou em %3: não resta nada a reparar</translation>
    </message>
    <message>
        <source>reported absent</source>
        <translation>ausência comunicada</translation>
    </message>
    <message>
        <source>visit %1 is not booked around %2</source>
        <translation>a visita %1 não está agendada em torno de %2</translation>
    </message>
    <message>
        <source>an overrun needs a positive number of minutes</source>
        <translation>um atraso precisa de um número positivo de minutos</translation>
    </message>
    <message>
        <source>work order %1 is not in the queue for %2 (open, nobody booked, its window meeting the day)</source>
        <translation>a ordem de serviço %1 não está na fila para %2 (aberta, sem ninguém agendado, com a janela nesse dia)</translation>
    </message>
    <message>
        <source>Reassign to colleagues</source>
        <translation>Reatribuir a colegas</translation>
    </message>
    <message>
        <source>Push later the same day</source>
        <translation>Adiar no mesmo dia</translation>
    </message>
    <message>
        <source>Send back to the queue</source>
        <translation>Devolver à fila</translation>
    </message>
    <message>
        <source>Book where it fits</source>
        <translation>Agendar onde couber</translation>
    </message>
    <message>
        <source>Bump a lower-priority visit</source>
        <translation>Desalojar uma visita de menor prioridade</translation>
    </message>
    <message>
        <source>Leave in the queue</source>
        <translation>Deixar na fila</translation>
    </message>
</context>
<context>
    <name>DayRepairWriter</name>
    <message>
        <source>the schedule changed while the repair was worked out; nothing was written, repair again</source>
        <translation>a agenda mudou enquanto o reparo era calculado; nada foi gravado, repare de novo</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, repair again</source>
        <translation>a ordem de serviço %1 não está mais aberta; nada foi gravado, repare de novo</translation>
    </message>
</context>
<context>
    <name>DemoSeedRunner</name>
    <message>
        <source>Creating the schema…</source>
        <translation>Criando o esquema…</translation>
    </message>
    <message>
        <source>Preparing the demo database…</source>
        <translation>Preparando o banco de dados de demonstração…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>Demonstração do FieldOps</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>the demo seeding was cancelled; nothing was written</source>
        <translation>a geração dos dados de demonstração foi cancelada; nada foi gravado</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>Geração cancelada; nada foi gravado.</translation>
    </message>
    <message>
        <source>the number of technicians must be between 1 and 5000</source>
        <translation>o número de técnicos deve estar entre 1 e 5000</translation>
    </message>
    <message>
        <source>the days of history must be between 0 and 3650</source>
        <translation>os dias de histórico devem estar entre 0 e 3650</translation>
    </message>
    <message>
        <source>the days ahead must be between 0 and 60</source>
        <translation>os dias à frente devem estar entre 0 e 60</translation>
    </message>
    <message>
        <source>the number of customers must be between 1 and 200000</source>
        <translation>o número de clientes deve estar entre 1 e 200000</translation>
    </message>
    <message>
        <source>the demo&apos;s current time is not a valid clock time</source>
        <translation>a hora atual da demonstração não é um horário válido</translation>
    </message>
    <message>
        <source>the database already holds technicians, customers or work orders; demo data goes into an empty database only</source>
        <translation>o banco de dados já contém técnicos, clientes ou ordens de serviço; os dados de demonstração só podem ir para um banco de dados vazio</translation>
    </message>
    <message>
        <source>Generating the demo operation</source>
        <translation>Gerando a operação de demonstração</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>Gravando os dados de demonstração</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Salvando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
</context>
<context>
    <name>DurationHistory</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>a ordem de serviço %1 não existe</translation>
    </message>
</context>
<context>
    <name>EditChannel</name>
    <message>
        <source>Not connected to a database: nothing was changed.</source>
        <translation>Não conectado a um banco de dados: nada foi alterado.</translation>
    </message>
</context>
<context>
    <name>FieldEvent</name>
    <message>
        <source>must be text</source>
        <translation>deve ser texto</translation>
    </message>
    <message>
        <source>must be a non-empty text id</source>
        <translation>deve ser um id de texto não vazio</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z</source>
        <translation>deve ser um horário ISO 8601 com deslocamento ou Z, p. ex. 2026-12-03T13:05:00Z</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2</source>
        <translation>deve ser um número entre %1 e %2</translation>
    </message>
    <message>
        <source>must be a number of at least %1</source>
        <translation>deve ser um número de no mínimo %1</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>deve ser um número</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>deve ser true ou false</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>deve ser um de %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>é obrigatório</translation>
    </message>
    <message>
        <source>is required when lat is given</source>
        <translation>é obrigatório quando lat é informado</translation>
    </message>
    <message>
        <source>is required when lon is given</source>
        <translation>é obrigatório quando lon é informado</translation>
    </message>
    <message>
        <source>must not be before arrived_at</source>
        <translation>não pode ser anterior a arrived_at</translation>
    </message>
    <message>
        <source>must be after start</source>
        <translation>deve ser posterior a start</translation>
    </message>
    <message>
        <source>must be a number greater than 0</source>
        <translation>deve ser um número maior que 0</translation>
    </message>
    <message>
        <source>must be van:&lt;technician_id&gt; or warehouse:&lt;id&gt;</source>
        <translation>deve ser van:&lt;technician_id&gt; ou warehouse:&lt;id&gt;</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 5</source>
        <translation>deve ser um número inteiro de 1 a 5</translation>
    </message>
    <message>
        <source>%1 is in the future (now is %2)</source>
        <translation>%1 está no futuro (agora é %2)</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>as leituras de %1 estão em &quot;%2&quot;, não em &quot;%3&quot;</translation>
    </message>
    <message>
        <source>line is not a JSON object</source>
        <translation>a linha não é um objeto JSON</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation>tipo desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a whole number greater than 0</source>
        <translation>deve ser um número inteiro maior que 0</translation>
    </message>
    <message>
        <source>must be text, one of position, status, outcome, time_entry, part_used, rating, reading, delivered, read</source>
        <translation>deve ser texto, um de position, status, outcome, time_entry, part_used, rating, reading, delivered, read</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>deve ser uma lista</translation>
    </message>
    <message>
        <source>only an outcome with reason needs_parts lists parts</source>
        <translation>só um resultado com motivo needs_parts lista peças</translation>
    </message>
    <message>
        <source>item %1 must be an object with a non-empty text sku and a quantity</source>
        <translation>o item %1 deve ser um objeto com um sku de texto não vazio e uma quantidade</translation>
    </message>
    <message>
        <source>item %1 (%2): quantity must be a number greater than 0</source>
        <translation>item %1 (%2): a quantidade deve ser um número maior que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece duas vezes</translation>
    </message>
</context>
<context>
    <name>FieldEventWriter</name>
    <message>
        <source>no appointment %1</source>
        <translation>nenhum agendamento %1</translation>
    </message>
    <message>
        <source>appointment %1 is cancelled</source>
        <translation>o agendamento %1 está cancelado</translation>
    </message>
    <message>
        <source>no technician %1</source>
        <translation>nenhum técnico %1</translation>
    </message>
    <message>
        <source>appointment %1 is already completed</source>
        <translation>o agendamento %1 já está concluído</translation>
    </message>
    <message>
        <source>work order %1 of appointment %2 is cancelled; a cancelled job cannot be resolved</source>
        <translation>a ordem de serviço %1 do agendamento %2 está cancelada; um trabalho cancelado não pode ser resolvido</translation>
    </message>
    <message>
        <source>no work order %1</source>
        <translation>nenhuma ordem de serviço %1</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>nenhuma peça %1</translation>
    </message>
    <message>
        <source>no stock of %1 at %2</source>
        <translation>sem estoque de %1 em %2</translation>
    </message>
    <message>
        <source>%1 is more than the %2 of %3 in stock at %4</source>
        <translation>%1 é mais que o estoque de %2 de %3 em %4</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>nenhum ativo %1</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot;, not &quot;%4&quot;</source>
        <translation>as leituras de %1 do ativo %2 estão em &quot;%3&quot;, não em &quot;%4&quot;</translation>
    </message>
    <message>
        <source>no notice %1 in the outbox</source>
        <translation>nenhum aviso %1 na caixa de saída</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was written (%3)</source>
        <translation>%1 é anterior à gravação do aviso %2 (%3)</translation>
    </message>
    <message>
        <source>notice %1 is not delivered yet</source>
        <translation>o aviso %1 ainda não foi entregue</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was delivered (%3)</source>
        <translation>%1 é anterior à entrega do aviso %2 (%3)</translation>
    </message>
</context>
<context>
    <name>FollowUpOrders</name>
    <message>
        <source>Return visit: %1</source>
        <translation>Visita de retorno: %1</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: a quantidade deve ser maior que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece duas vezes</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>nenhuma peça %1</translation>
    </message>
    <message>
        <source>Not needed: the outcome of visit %1 was corrected</source>
        <translation>Não é mais necessária: o resultado da visita %1 foi corrigido</translation>
    </message>
</context>
<context>
    <name>GeneratePmCommand</name>
    <message>
        <source>Cannot undo the preventive generation: %1. Nothing was removed.</source>
        <translation>Não é possível desfazer a geração do trabalho preventivo: %1. Nada foi removido.</translation>
    </message>
    <message>
        <source>Cannot redo the preventive generation: %1. Nothing was written.</source>
        <translation>Não é possível refazer a geração do trabalho preventivo: %1. Nada foi gravado.</translation>
    </message>
    <message>
        <source>work order %1 has been scheduled since (it has a visit)</source>
        <translation>a ordem de serviço %1 foi programada desde então (tem uma visita)</translation>
    </message>
    <message>
        <source>work order %1 is %2 now, no longer open</source>
        <translation>a ordem de serviço %1 agora está com o status %2, não está mais aberta</translation>
    </message>
    <message>
        <source>work order %1 has been changed since it was generated</source>
        <translation>a ordem de serviço %1 foi alterada desde que foi gerada</translation>
    </message>
    <message>
        <source>work order %1 has been deleted since</source>
        <translation>a ordem de serviço %1 foi excluída desde então</translation>
    </message>
    <message>
        <source>another console changed one of its work orders meanwhile</source>
        <translation>outro console alterou uma das suas ordens de serviço nesse meio-tempo</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>header</source>
        <translation>cabeçalho</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: o arquivo está vazio</translation>
    </message>
    <message>
        <source>%1: the required column day is missing</source>
        <translation>%1: a coluna obrigatória day está faltando</translation>
    </message>
    <message>
        <source>%1 is not a date YYYY-MM-DD</source>
        <translation>%1 não é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>uma célula vazia</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 está listado duas vezes</translation>
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
        <translation>Território</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Vínculo</translation>
    </message>
    <message>
        <source>Work-order type</source>
        <translation>Tipo de ordem de serviço</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Funcionário</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>Meio período</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Terceirizado</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalação</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>Corretiva</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventiva</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspeção</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sem território)</translation>
    </message>
    <message>
        <source>Work orders closed</source>
        <translation>Ordens de serviço encerradas</translation>
    </message>
    <message>
        <source>First-time fix</source>
        <translation>Resolução na primeira visita</translation>
    </message>
    <message>
        <source>On-time arrival</source>
        <translation>Chegada no horário</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>Cumprimento do SLA</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Tempo de resolução</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Utilização</translation>
    </message>
    <message>
        <source>Billable ratio</source>
        <translation>Proporção faturável</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Avaliação média</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <source>Jobs per technician-day</source>
        <translation>Trabalhos por técnico-dia</translation>
    </message>
    <message>
        <source>Work orders whose closing visit completed in the period</source>
        <translation>Ordens de serviço cuja visita de encerramento foi concluída no período</translation>
    </message>
    <message>
        <source>Closed work orders fixed at their first visit</source>
        <translation>Ordens de serviço encerradas resolvidas na primeira visita</translation>
    </message>
    <message>
        <source>Visits that arrived at most 15 minutes after the planned start</source>
        <translation>Visitas com chegada no máximo 15 minutos após o início planejado</translation>
    </message>
    <message>
        <source>Work orders due in the period that were closed by their SLA</source>
        <translation>Ordens de serviço com vencimento no período encerradas dentro do SLA</translation>
    </message>
    <message>
        <source>Mean hours from creation to closing</source>
        <translation>Média de horas entre a criação e o encerramento</translation>
    </message>
    <message>
        <source>Time on site over shift time, less absences</source>
        <translation>Tempo no local sobre o tempo de turno, descontadas as ausências</translation>
    </message>
    <message>
        <source>Billable hours over all logged hours</source>
        <translation>Horas faturáveis sobre o total de horas registradas</translation>
    </message>
    <message>
        <source>Mean customer score (1–5)</source>
        <translation>Nota média do cliente (1–5)</translation>
    </message>
    <message>
        <source>Customer ratings given in the period</source>
        <translation>Avaliações de clientes feitas no período</translation>
    </message>
    <message>
        <source>Completed visits per technician and calendar day</source>
        <translation>Visitas concluídas por técnico e dia corrido</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
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
        <translation>±0%</translation>
    </message>
</context>
<context>
    <name>KpiTargetRepository</name>
    <message>
        <source>only managers and administrators may change KPI targets; the server refused</source>
        <translation>somente gerentes e administradores podem alterar metas de KPI; o servidor recusou</translation>
    </message>
    <message>
        <source>someone else set a target for %1 in the meantime; it was reloaded</source>
        <translation>outra pessoa definiu uma meta para %1 nesse meio-tempo; ela foi recarregada</translation>
    </message>
    <message>
        <source>the target for %1 was changed or removed by someone else in the meantime; it was reloaded</source>
        <translation>a meta de %1 foi alterada ou removida por outra pessoa nesse meio-tempo; ela foi recarregada</translation>
    </message>
    <message>
        <source>the target for %1 is gone</source>
        <translation>a meta de %1 não existe mais</translation>
    </message>
    <message>
        <source>the target was changed or removed by someone else in the meantime</source>
        <translation>a meta foi alterada ou removida por outra pessoa nesse meio-tempo</translation>
    </message>
</context>
<context>
    <name>KpiTargetRules</name>
    <message>
        <source>unknown KPI &quot;%1&quot;</source>
        <translation>KPI desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the target must be a number</source>
        <translation>%1: a meta deve ser um número</translation>
    </message>
    <message>
        <source>between 0% and 100%</source>
        <translation>entre 0% e 100%</translation>
    </message>
    <message>
        <source>between 1 and 5</source>
        <translation>entre 1 e 5</translation>
    </message>
    <message>
        <source>zero or more</source>
        <translation>zero ou mais</translation>
    </message>
    <message>
        <source>%1: the target must be %2</source>
        <translation>%1: a meta deve ser %2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must be %2</source>
        <translation>%1: o limite amarelo deve ser %2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be above the target (higher is better)</source>
        <translation>%1: o limite amarelo não pode estar acima da meta (maior é melhor)</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be below the target (lower is better)</source>
        <translation>%1: o limite amarelo não pode estar abaixo da meta (menor é melhor)</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>na meta</translation>
    </message>
    <message>
        <source>near target</source>
        <translation>perto da meta</translation>
    </message>
    <message>
        <source>off target</source>
        <translation>fora da meta</translation>
    </message>
</context>
<context>
    <name>LostRaceExplainer</name>
    <message>
        <source>You (in another window)</source>
        <translation>Você (em outra janela)</translation>
    </message>
    <message>
        <source>you (in another window)</source>
        <translation>você (em outra janela)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <source>moved this visit to %1 at %2</source>
        <translation>moveu esta visita para %1 às %2</translation>
    </message>
    <message>
        <source>reassigned this visit to %1</source>
        <translation>reatribuiu esta visita a %1</translation>
    </message>
    <message>
        <source>moved this visit to %1</source>
        <translation>moveu esta visita para %1</translation>
    </message>
    <message>
        <source>changed this visit to end at %1</source>
        <translation>alterou esta visita para terminar às %1</translation>
    </message>
    <message>
        <source>unassigned this visit</source>
        <translation>removeu a atribuição desta visita</translation>
    </message>
    <message>
        <source>changed the status of this visit to %1</source>
        <translation>alterou o status desta visita para %1</translation>
    </message>
    <message>
        <source>locked this visit</source>
        <translation>bloqueou esta visita</translation>
    </message>
    <message>
        <source>unlocked this visit</source>
        <translation>desbloqueou esta visita</translation>
    </message>
    <message>
        <source>changed the status of this work order to %1</source>
        <translation>alterou o status desta ordem de serviço para %1</translation>
    </message>
    <message>
        <source>changed the %1 of this %2</source>
        <translation>alterou o campo %1 deste registro (%2)</translation>
    </message>
    <message>
        <source>%1 deleted this %2 while you were editing</source>
        <translation>%1 excluiu este registro (%2) enquanto você editava</translation>
    </message>
    <message>
        <source>%1 changed this %2 while you were editing</source>
        <translation>%1 alterou este registro (%2) enquanto você editava</translation>
    </message>
    <message>
        <source>%1 %2 while you were editing</source>
        <translation>%1 %2 enquanto você editava</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
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
        <translation>KPIs</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagem PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabela CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export KPIs</source>
        <translation>Exportar KPIs</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitos</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Histórico de desfazer</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programação</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Ir para</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuários</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Ordens de serviço</translation>
    </message>
    <message>
        <source>Asset health</source>
        <translation>Saúde dos ativos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Fit all</source>
        <translation>Ajustar tudo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message numerus="yes">
        <source>%n technician(s) predicted late</source>
        <translation>
            <numerusform>%n técnico com atraso previsto</numerusform>
            <numerusform>%n técnicos com atraso previsto</numerusform>
        </translation>
    </message>
    <message>
        <source>tiles unreachable</source>
        <translation>blocos do mapa inacessíveis</translation>
    </message>
    <message>
        <source>Board filter: %1 of %2 technicians</source>
        <translation>Filtro do quadro: %1 de %2 técnicos</translation>
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
        <translation>ocioso</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>a caminho</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>no local</translation>
    </message>
    <message>
        <source>late</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>the MBTiles file %1 does not exist</source>
        <translation>o arquivo MBTiles %1 não existe</translation>
    </message>
    <message>
        <source>cannot open the MBTiles file %1</source>
        <translation>não é possível abrir o arquivo MBTiles %1</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no metadata table)</source>
        <translation>%1 não é um arquivo MBTiles (sem tabela metadata)</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no tiles table)</source>
        <translation>%1 não é um arquivo MBTiles (sem tabela tiles)</translation>
    </message>
    <message>
        <source>cannot read a tile from the MBTiles file</source>
        <translation>não é possível ler um bloco do arquivo MBTiles</translation>
    </message>
    <message numerus="yes">
        <source>no free slot for this technician in the next %n day(s)</source>
        <translation>
            <numerusform>nenhum horário livre para este técnico no próximo %n dia</numerusform>
            <numerusform>nenhum horário livre para este técnico nos próximos %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© colaboradores do OpenStreetMap</translation>
    </message>
    <message>
        <source>Map tiles: %1</source>
        <translation>Blocos do mapa: %1</translation>
    </message>
    <message>
        <source>Offline map tiles</source>
        <translation>Blocos do mapa offline</translation>
    </message>
    <message>
        <source>No map tiles: positions on a plain grid</source>
        <translation>Sem blocos do mapa: posições em uma grade simples</translation>
    </message>
    <message>
        <source>the tile server answered %1</source>
        <translation>o servidor de blocos respondeu %1</translation>
    </message>
</context>
<context>
    <name>OsrmTravelTime</name>
    <message>
        <source>it answered &quot;%1&quot;</source>
        <translation>respondeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>it answered &quot;%1&quot; (%2)</source>
        <translation>respondeu &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>status HTTP %1</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>a resposta não é JSON (%1)</translation>
    </message>
    <message>
        <source>the answer&apos;s durations are not a table of %1 × %2 seconds</source>
        <translation>as durações da resposta não são uma tabela de %1 × %2 segundos</translation>
    </message>
    <message>
        <source>routing service at %1: %2; using straight-line travel times</source>
        <translation>serviço de rotas em %1: %2; usando tempos de deslocamento em linha reta</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>sem resposta em %1 s</translation>
    </message>
    <message>
        <source>routing service at %1: no road route from %2 to %3; using the straight-line travel time for it</source>
        <translation>serviço de rotas em %1: nenhuma rota rodoviária de %2 a %3; usando o tempo em linha reta para ela</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a routing service URL such as http://127.0.0.1:5000</source>
        <translation>&quot;%1&quot; não é um URL de serviço de rotas como http://127.0.0.1:5000</translation>
    </message>
</context>
<context>
    <name>PartsText</name>
    <message>
        <source>&quot;%1&quot; is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)</source>
        <translation>&quot;%1&quot; não é uma peça: escreva o SKU, ou a quantidade × o SKU (2 × FLT-100)</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: a quantidade deve ser maior que 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece duas vezes</translation>
    </message>
</context>
<context>
    <name>PmGenerator</name>
    <message>
        <source>due override of plan %1: the day is not a date</source>
        <translation>substituição de vencimento do plano %1: o dia não é uma data</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: a holiday of territory %3, the calendar of contract %4</source>
        <translation>substituição de vencimento do plano %1 para %2: feriado do território %3, calendário do contrato %4</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 starts on %4</source>
        <translation>substituição de vencimento do plano %1 para %2: o contrato %3 começa em %4</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 ends on %4</source>
        <translation>substituição de vencimento do plano %1 para %2: o contrato %3 termina em %4</translation>
    </message>
    <message>
        <source>interval_days %1 is not positive</source>
        <translation>interval_days %1 não é positivo</translation>
    </message>
    <message>
        <source>recurrence &quot;%1&quot;: %2</source>
        <translation>recorrência &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>seasonal_months: %1</source>
        <translation>seasonal_months: %1</translation>
    </message>
    <message>
        <source>preferred_start &quot;%1&quot; is not HH:MM</source>
        <translation>preferred_start &quot;%1&quot; não está no formato HH:MM</translation>
    </message>
    <message>
        <source>next_due is not a date</source>
        <translation>next_due não é uma data</translation>
    </message>
    <message>
        <source>the plan&apos;s asset has no site</source>
        <translation>o ativo do plano não tem local</translation>
    </message>
    <message>
        <source>its work order was cancelled</source>
        <translation>sua ordem de serviço foi cancelada</translation>
    </message>
    <message>
        <source>contract %1 starts on %2</source>
        <translation>o contrato %1 começa em %2</translation>
    </message>
    <message>
        <source>a holiday, and contract %1 ends before the next working day</source>
        <translation>um feriado, e o contrato %1 termina antes do próximo dia útil</translation>
    </message>
    <message>
        <source>Preventive maintenance plan %1, occurrence of %2</source>
        <translation>Plano de manutenção preventiva %1, ocorrência de %2</translation>
    </message>
</context>
<context>
    <name>PmRecurrence</name>
    <message>
        <source>expected &quot;every N days&quot;, &quot;every N weeks [on Mon]&quot; or &quot;every N months [on day D | on first…fourth|last Fri]&quot;</source>
        <translation>esperado &quot;every N days&quot;, &quot;every N weeks [on Mon]&quot; ou &quot;every N months [on day D | on first…fourth|last Fri]&quot;</translation>
    </message>
    <message>
        <source>the interval &quot;%1&quot; is not a whole number from 1 to %2</source>
        <translation>o intervalo &quot;%1&quot; não é um número inteiro de 1 a %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not days, weeks or months</source>
        <translation>&quot;%1&quot; não é days, weeks ou months</translation>
    </message>
    <message>
        <source>a rule in days has no &quot;on&quot; part</source>
        <translation>uma regra em dias não tem a parte &quot;on&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (Mon … Sun)</source>
        <translation>&quot;%1&quot; não é um dia da semana (Mon … Sun)</translation>
    </message>
    <message>
        <source>the day of the month &quot;%1&quot; is not from 1 to 31</source>
        <translation>o dia do mês &quot;%1&quot; não está entre 1 e 31</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not first, second, third, fourth or last</source>
        <translation>&quot;%1&quot; não é first, second, third, fourth ou last</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month from 1 to 12</source>
        <translation>&quot;%1&quot; não é um mês de 1 a 12</translation>
    </message>
</context>
<context>
    <name>PmWorkOrderWriter</name>
    <message>
        <source>the database has no column %1.%2; run init to migrate it</source>
        <translation>o banco de dados não tem a coluna %1.%2; execute init para migrá-lo</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the period must have a start date on or before its end date</source>
        <translation>o período deve ter uma data de início igual ou anterior à data de término</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>o servidor não informou o que este usuário pode fazer</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>a ordem de serviço %1 não existe</translation>
    </message>
    <message>
        <source>work order %1 was changed by someone else; it has been reloaded</source>
        <translation>a ordem de serviço %1 foi alterada por outra pessoa; ela foi recarregada</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>o driver SQLite do Qt (QSQLITE) não está instalado</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>não é possível criar a pasta %1</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>o driver PostgreSQL do Qt (QPSQL) não está instalado</translation>
    </message>
    <message>
        <source>the root certificate path may not contain &apos;;&apos;: %1</source>
        <translation>o caminho do certificado raiz não pode conter &apos;;&apos;: %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>the technician already has an appointment at that time (double booking refused by the database)</source>
        <translation>o técnico já tem um agendamento nesse horário (agendamento duplo recusado pelo banco de dados)</translation>
    </message>
    <message>
        <source>your role is not allowed to do this: %1</source>
        <translation>seu papel não tem permissão para fazer isto: %1</translation>
    </message>
    <message>
        <source>the connection to the database was lost; nothing was saved</source>
        <translation>a conexão com o banco de dados foi perdida; nada foi salvo</translation>
    </message>
    <message>
        <source>the database refused the data: %1</source>
        <translation>o banco de dados recusou os dados: %1</translation>
    </message>
    <message>
        <source>internal error: nested transaction</source>
        <translation>erro interno: transação aninhada</translation>
    </message>
    <message>
        <source>internal error: commit without a transaction</source>
        <translation>erro interno: commit sem transação</translation>
    </message>
    <message>
        <source>empty database URL</source>
        <translation>URL do banco de dados vazia</translation>
    </message>
    <message>
        <source>SQLite URL needs an absolute path, e.g. sqlite:///home/me/fieldops.db (got &quot;%1&quot;)</source>
        <translation>a URL do SQLite precisa de um caminho absoluto, p. ex. sqlite:///home/me/fieldops.db (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>malformed PostgreSQL URL: %1</source>
        <translation>URL do PostgreSQL malformada: %1</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no host (expected postgresql://user@host:port/db)</source>
        <translation>a URL do PostgreSQL não tem host (esperado postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>PostgreSQL URL has an invalid port</source>
        <translation>a URL do PostgreSQL tem uma porta inválida</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no database name (expected postgresql://user@host:port/db)</source>
        <translation>a URL do PostgreSQL não tem nome de banco de dados (esperado postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>unknown sslmode &quot;%1&quot; (one of %2)</source>
        <translation>sslmode desconhecido &quot;%1&quot; (um de %2)</translation>
    </message>
    <message>
        <source>unknown PostgreSQL URL option &quot;%1&quot; (sslmode, sslrootcert)</source>
        <translation>opção de URL do PostgreSQL desconhecida &quot;%1&quot; (sslmode, sslrootcert)</translation>
    </message>
    <message>
        <source>database URL must start with sqlite:/// or postgresql:// (got &quot;%1&quot;)</source>
        <translation>a URL do banco de dados deve começar com sqlite:/// ou postgresql:// (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>migration script %1 is missing from the build</source>
        <translation>o script de migração %1 está ausente da compilação</translation>
    </message>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>o banco de dados tem a versão de esquema %1, mais nova do que este console entende (%2); atualize o FieldOps</translation>
    </message>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>a migração %1 falhou: %2</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>work order</source>
        <translation>ordem de serviço</translation>
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
        <translation>local</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contato</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>ativo</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>ausência</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plano de manutenção</translation>
    </message>
    <message>
        <source>%1: not a field of a %2</source>
        <translation>%1: não é um campo de %2</translation>
    </message>
    <message>
        <source>%1: a %2 with this id already exists</source>
        <translation>%1: já existe um registro de %2 com este id</translation>
    </message>
    <message>
        <source>%1: a %2 needs an id</source>
        <translation>%1: um registro de %2 precisa de um id</translation>
    </message>
    <message>
        <source>the new %1 got no id</source>
        <translation>o novo registro de %1 não recebeu id</translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 não existe</translation>
    </message>
    <message>
        <source>%1 %2 no longer exists</source>
        <translation>%1 %2 não existe mais</translation>
    </message>
    <message>
        <source>%1 %2 was changed by someone else; it has been reloaded</source>
        <translation>%1 %2 foi alterado por outra pessoa; foi recarregado</translation>
    </message>
    <message>
        <source>alert thresholds</source>
        <translation>limites de alerta</translation>
    </message>
    <message>
        <source>dismissed alert</source>
        <translation>alerta dispensado</translation>
    </message>
    <message>
        <source>time entry</source>
        <translation>lançamento de tempo</translation>
    </message>
</context>
<context>
    <name>RepairDayCommand</name>
    <message>
        <source>The schedule changed since the repair was worked out: nothing was written.</source>
        <translation>A agenda mudou desde que o reparo foi calculado: nada foi gravado.</translation>
    </message>
    <message>
        <source>The absence was not recorded.</source>
        <translation>A ausência não foi registrada.</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was written.</source>
        <translation>A ordem de serviço %1 não está mais aberta: nada foi gravado.</translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message>
        <source>Connect to a database to see the schedule.</source>
        <translation>Conecte-se a um banco de dados para ver a programação.</translation>
    </message>
    <message>
        <source>The connection to the database is lost: the schedule is read only until it returns.</source>
        <translation>A conexão com o banco de dados foi perdida: a programação fica somente leitura até que ela volte.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked (%2)</source>
        <translation>Recusado: %1 já está agendado (%2)</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked %2–%3 with %4 · %5 (%6)</source>
        <translation>Recusado: %1 já está agendado %2–%3 com %4 · %5 (%6)</translation>
    </message>
    <message>
        <source>Refused: double booking (%1)</source>
        <translation>Recusado: agendamento duplo (%1)</translation>
    </message>
    <message>
        <source>Saved with warnings: %1</source>
        <translation>Salvo com avisos: %1</translation>
    </message>
    <message>
        <source>Absent %1 %2–%3</source>
        <translation>Ausente %1 %2–%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · covers %n visit(s)</source>
        <translation>
            <numerusform>%1 · cobre %n visita</numerusform>
            <numerusform>%1 · cobre %n visitas</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a work order in the queue first, then press Enter on the slot for it.</source>
        <translation>Selecione primeiro uma ordem de serviço na fila e depois pressione Enter no horário desejado.</translation>
    </message>
    <message>
        <source>%1 is already on the board: select a work order in the queue.</source>
        <translation>%1 já está no quadro: selecione uma ordem de serviço na fila.</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>Quadro de programação</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4 %5 to %6, %7</source>
        <translation>%1 %2, %3, %4 %5 a %6, %7</translation>
    </message>
    <message>
        <source>Schedule board: arrow keys move between technicians and times, Tab picks a visit</source>
        <translation>Quadro de programação: as setas movem entre técnicos e horários, Tab seleciona uma visita</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, booked</source>
        <translation>%1, %2 %3 a %4, agendado</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, free</source>
        <translation>%1, %2 %3 a %4, livre</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Inactive · %1</source>
        <translation>Inativo · %1</translation>
    </message>
    <message>
        <source>No territory</source>
        <translation>Sem território</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>the horizon needs a start before its end</source>
        <translation>o horizonte precisa de um início antes do fim</translation>
    </message>
</context>
<context>
    <name>ScreenshotCommand</name>
    <message>
        <source>%1 has no FieldOps schema</source>
        <translation>%1 não tem esquema do FieldOps</translation>
    </message>
    <message>
        <source>the database was not read within %1 s</source>
        <translation>o banco de dados não foi lido em %1 s</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot;; the views are: %2</source>
        <translation>visão desconhecida &quot;%1&quot;; as visões são: %2</translation>
    </message>
    <message>
        <source>no database to draw: give --db URL or --demo, or choose one at a first start</source>
        <translation>nenhum banco de dados para desenhar: informe --db URL ou --demo, ou escolha um na primeira inicialização</translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation>não é possível criar uma pasta temporária: %1</translation>
    </message>
    <message>
        <source>the console has no %1 view</source>
        <translation>o console não tem a visão %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>não é possível gravar %1</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>Mon</source>
        <translation>Seg</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Ter</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Qua</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Sex</translation>
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
        <translation>24 horas</translation>
    </message>
    <message>
        <source>No contract: priority %1 default, %2 h</source>
        <translation>Sem contrato: padrão da prioridade %1, %2 h</translation>
    </message>
    <message>
        <source>Contract %1, priority %2</source>
        <translation>Contrato %1, prioridade %2</translation>
    </message>
    <message>
        <source>respond within 1 business hour</source>
        <translation>responder em até 1 hora útil</translation>
    </message>
    <message>
        <source>respond within 1 hour</source>
        <translation>responder em até 1 hora</translation>
    </message>
    <message>
        <source>respond within %1 business hours</source>
        <translation>responder em até %1 horas úteis</translation>
    </message>
    <message>
        <source>respond within %1 hours</source>
        <translation>responder em até %1 horas</translation>
    </message>
    <message>
        <source>no response time set, priority default %1 h</source>
        <translation>nenhum tempo de resposta definido, padrão da prioridade %1 h</translation>
    </message>
    <message>
        <source>, resolve within %1</source>
        <translation>, resolver em até %1</translation>
    </message>
    <message>
        <source> (%1, site time)</source>
        <translation> (%1, horário do local)</translation>
    </message>
    <message>
        <source> (%1, site time, holidays of %2)</source>
        <translation> (%1, horário do local, feriados de %2)</translation>
    </message>
    <message>
        <source>, around the clock</source>
        <translation>, 24 horas</translation>
    </message>
</context>
<context>
    <name>StartupDatabase</name>
    <message>
        <source>No file was chosen.</source>
        <translation>Nenhum arquivo foi escolhido.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>A pasta %1 não existe.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 é uma pasta, não um arquivo.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database file; choose a new file name or a FieldOps database.</source>
        <translation>%1 não é um arquivo de banco de dados SQLite; escolha um novo nome de arquivo ou um banco de dados do FieldOps.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>A pasta %1 não permite gravação.</translation>
    </message>
    <message>
        <source>Could not create a FieldOps database in %1: %2</source>
        <translation>Não foi possível criar um banco de dados do FieldOps em %1: %2</translation>
    </message>
</context>
<context>
    <name>StatusDiscrepancies</name>
    <message>
        <source>tapped on site at %1, %2 min before the phone arrived at %3</source>
        <translation>marcou no local às %1, %2 min antes de o telefone chegar às %3</translation>
    </message>
    <message>
        <source>tapped on site at %1, %2 min after the phone arrived at %3</source>
        <translation>marcou no local às %1, %2 min depois de o telefone chegar às %3</translation>
    </message>
    <message>
        <source>the phone arrived at %1 but no on-site status was sent</source>
        <translation>o telefone chegou às %1, mas nenhum status de chegada foi enviado</translation>
    </message>
    <message>
        <source>tapped on site at %1 but the phone was never at the site that day</source>
        <translation>marcou no local às %1, mas o telefone não esteve no local naquele dia</translation>
    </message>
    <message>
        <source>completed at %1 but the phone was never at the site that day</source>
        <translation>concluiu às %1, mas o telefone não esteve no local naquele dia</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min before the phone left at %3</source>
        <translation>informou saída às %1, %2 min antes de o telefone sair às %3</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min after the phone left at %3</source>
        <translation>informou saída às %1, %2 min depois de o telefone sair às %3</translation>
    </message>
    <message>
        <source>completed at %1, %2 min before the phone left at %3</source>
        <translation>concluiu às %1, %2 min antes de o telefone sair às %3</translation>
    </message>
    <message>
        <source>completed at %1, %2 min after the phone left at %3</source>
        <translation>concluiu às %1, %2 min depois de o telefone sair às %3</translation>
    </message>
    <message>
        <source>the phone left at %1 but the visit is not completed (status %2)</source>
        <translation>o telefone saiu às %1, mas a visita não foi concluída (status %2)</translation>
    </message>
</context>
<context>
    <name>StockPlaces</name>
    <message>
        <source>Van of %1</source>
        <translation>Van de %1</translation>
    </message>
    <message>
        <source>Warehouse %1</source>
        <translation>Almoxarifado %1</translation>
    </message>
</context>
<context>
    <name>StockRepository</name>
    <message>
        <source>quantity: %1 is not a positive number</source>
        <translation>quantity: %1 não é um número positivo</translation>
    </message>
    <message>
        <source>from and to are both %1: a transfer moves stock between two locations</source>
        <translation>origem e destino são ambos %1: uma transferência move estoque entre dois locais</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>&quot;%1&quot; não é um local: escreva warehouse:NOME ou van:TÉCNICO</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>não existe a peça %1</translation>
    </message>
    <message>
        <source>no technician %1 for the van %2</source>
        <translation>não existe o técnico %1 para a van %2</translation>
    </message>
    <message>
        <source>no warehouse %1 holds any stock</source>
        <translation>nenhum depósito %1 tem estoque</translation>
    </message>
    <message>
        <source>there is no %1 at %2 to move</source>
        <translation>não há %1 em %2 para mover</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than the %4 to move</source>
        <translation>%1 tem %2 de %3, menos que os %4 a mover</translation>
    </message>
    <message>
        <source>min_quantity: %1 is not a number of 0 or more</source>
        <translation>min_quantity: %1 não é um número maior ou igual a 0</translation>
    </message>
    <message>
        <source>there is no %1 at %2 any more</source>
        <translation>não há mais %1 em %2</translation>
    </message>
    <message>
        <source>the reorder point of %1 at %2 is %3 now, not %4: someone changed it meanwhile</source>
        <translation>o ponto de reposição de %1 em %2 agora é %3, não %4: alguém o alterou nesse meio-tempo</translation>
    </message>
</context>
<context>
    <name>SuggestionLoader</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>a ordem de serviço %1 não existe</translation>
    </message>
    <message>
        <source>work order %1 is %2: there is nothing to schedule</source>
        <translation>a ordem de serviço %1 está %2: não há nada para programar</translation>
    </message>
</context>
<context>
    <name>SuggestionText</name>
    <message>
        <source>the skill %1</source>
        <translation>a habilidade %1</translation>
    </message>
    <message>
        <source>the skills %1</source>
        <translation>as habilidades %1</translation>
    </message>
    <message>
        <source>no skill required</source>
        <translation>nenhuma habilidade exigida</translation>
    </message>
    <message>
        <source>skill %1</source>
        <translation>habilidade %1</translation>
    </message>
    <message>
        <source>skills %1</source>
        <translation>habilidades %1</translation>
    </message>
    <message>
        <source>%1 min away</source>
        <translation>a %1 min de distância</translation>
    </message>
    <message>
        <source>no SLA due</source>
        <translation>sem prazo de SLA</translation>
    </message>
    <message>
        <source>within SLA, %1 to spare</source>
        <translation>dentro do SLA, com %1 de folga</translation>
    </message>
    <message>
        <source>%1 after SLA</source>
        <translation>%1 após o SLA</translation>
    </message>
    <message>
        <source>inside the customer&apos;s window</source>
        <translation>dentro da janela do cliente</translation>
    </message>
    <message>
        <source>%1 booked that day</source>
        <translation>%1 agendado nesse dia</translation>
    </message>
    <message>
        <source>nothing else booked that day</source>
        <translation>nada mais agendado nesse dia</translation>
    </message>
    <message>
        <source>the one active technician is off or full until %1</source>
        <translation>o único técnico ativo está de folga ou sem agenda livre até %1</translation>
    </message>
    <message>
        <source>all %1 active technicians are off or full until %2</source>
        <translation>todos os %1 técnicos ativos estão de folga ou sem agenda livre até %2</translation>
    </message>
    <message>
        <source>1 technician has %1; they are off or full until %2</source>
        <translation>1 técnico tem %1; ele está de folga ou sem agenda livre até %2</translation>
    </message>
    <message>
        <source>%1 technicians have %2; all are off or full until %3</source>
        <translation>%1 técnicos têm %2; todos estão de folga ou sem agenda livre até %3</translation>
    </message>
    <message>
        <source>there is no active technician</source>
        <translation>não há nenhum técnico ativo</translation>
    </message>
    <message>
        <source>no active technician has %1</source>
        <translation>nenhum técnico ativo tem %1</translation>
    </message>
    <message>
        <source>the customer&apos;s window %1 – %2 leaves no room for the visit between %3 and %4</source>
        <translation>a janela do cliente %1 – %2 não deixa espaço para a visita entre %3 e %4</translation>
    </message>
    <message>
        <source>carries the parts</source>
        <translation>leva as peças</translation>
    </message>
    <message>
        <source>van lacks %1</source>
        <extracomment>%1 lists what the technician&apos;s van is missing of the work order&apos;s parts, e.g. &quot;2 × FLT-100, 1 × BELT-3&quot;.</extracomment>
        <translation>faltam na van %1</translation>
    </message>
</context>
<context>
    <name>TechnicianForm</name>
    <message>
        <source>Mon</source>
        <translation>Seg</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Ter</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Qua</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Sex</translation>
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
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) em %3</translation>
    </message>
    <message>
        <source>Visit %1 at %2 is no longer yours today: %3</source>
        <translation>A visita %1 às %2 não é mais sua hoje: %3</translation>
    </message>
    <message>
        <source>New visit today %1–%2: %3</source>
        <translation>Nova visita hoje %1–%2: %3</translation>
    </message>
    <message>
        <source>Visit moved: %1–%2, was %3–%4: %5</source>
        <translation>Visita remarcada: %1–%2, era %3–%4: %5</translation>
    </message>
    <message>
        <source>technician_id: choose at least one technician</source>
        <translation>technician_id: escolha pelo menos um técnico</translation>
    </message>
    <message>
        <source>body: the message is empty</source>
        <translation>body: a mensagem está vazia</translation>
    </message>
    <message>
        <source>body: the message is longer than %1 characters</source>
        <translation>body: a mensagem tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>technician_id: no technician %1</source>
        <translation>technician_id: não existe o técnico %1</translation>
    </message>
</context>
<context>
    <name>TechnicianRules</name>
    <message>
        <source>give the technician an id (like T-042)</source>
        <translation>dê um id ao técnico (como T-042)</translation>
    </message>
    <message>
        <source>an id has 1 to %1 characters and no spaces</source>
        <translation>um id tem de 1 a %1 caracteres e nenhum espaço</translation>
    </message>
    <message>
        <source>the name is required</source>
        <translation>o nome é obrigatório</translation>
    </message>
    <message>
        <source>keep the name to %1 characters</source>
        <translation>limite o nome a %1 caracteres</translation>
    </message>
    <message>
        <source>choose one of %1</source>
        <translation>escolha um de %1</translation>
    </message>
    <message>
        <source>where the technician starts the day: a latitude is required</source>
        <translation>onde o técnico começa o dia: a latitude é obrigatória</translation>
    </message>
    <message>
        <source>where the technician starts the day: a longitude is required</source>
        <translation>onde o técnico começa o dia: a longitude é obrigatória</translation>
    </message>
    <message>
        <source>choose the time zone the shift is worked in</source>
        <translation>escolha o fuso horário em que o turno é trabalhado</translation>
    </message>
    <message>
        <source>the shift must end after it starts (%1)</source>
        <translation>o turno deve terminar depois de começar (%1)</translation>
    </message>
    <message>
        <source>choose at least one working day</source>
        <translation>escolha pelo menos um dia útil</translation>
    </message>
    <message>
        <source>technician %1 already exists</source>
        <translation>o técnico %1 já existe</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>território desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>habilidade(s) desconhecida(s): %1</translation>
    </message>
    <message>
        <source>technician %1 does not exist</source>
        <translation>o técnico %1 não existe</translation>
    </message>
</context>
<context>
    <name>TimeEntryFlags</name>
    <message>
        <source>overlaps entry %1 of the same technician</source>
        <translation>sobrepõe o lançamento %1 do mesmo técnico</translation>
    </message>
    <message>
        <source>outside the technician&apos;s visits of this work order</source>
        <translation>fora das visitas do técnico a esta ordem de serviço</translation>
    </message>
    <message>
        <source>billable time without a comment of what was done</source>
        <translation>tempo faturável sem comentário sobre o que foi feito</translation>
    </message>
    <message>
        <source>starts %1 min before the arrival the GPS shows</source>
        <translation>começa %1 min antes da chegada mostrada pelo GPS</translation>
    </message>
    <message>
        <source>starts %1 min after the arrival the GPS shows</source>
        <translation>começa %1 min depois da chegada mostrada pelo GPS</translation>
    </message>
    <message>
        <source>ends %1 min before the arrival the GPS shows</source>
        <translation>termina %1 min antes da chegada mostrada pelo GPS</translation>
    </message>
    <message>
        <source>ends %1 min after the arrival the GPS shows</source>
        <translation>termina %1 min depois da chegada mostrada pelo GPS</translation>
    </message>
    <message>
        <source>starts %1 min before the departure the GPS shows</source>
        <translation>começa %1 min antes da saída mostrada pelo GPS</translation>
    </message>
    <message>
        <source>starts %1 min after the departure the GPS shows</source>
        <translation>começa %1 min depois da saída mostrada pelo GPS</translation>
    </message>
    <message>
        <source>ends %1 min before the departure the GPS shows</source>
        <translation>termina %1 min antes da saída mostrada pelo GPS</translation>
    </message>
    <message>
        <source>ends %1 min after the departure the GPS shows</source>
        <translation>termina %1 min depois da saída mostrada pelo GPS</translation>
    </message>
</context>
<context>
    <name>TimeEntryReview</name>
    <message>
        <source>no time entry %1</source>
        <translation>nenhum lançamento de horas %1</translation>
    </message>
    <message>
        <source>time entry %1 is at version %2, not version %3: it changed since it was read</source>
        <translation>o lançamento de horas %1 está na versão %2, não na versão %3: ele mudou desde que foi lido</translation>
    </message>
    <message>
        <source>time entry %1: %2</source>
        <translation>lançamento de tempo %1: %2</translation>
    </message>
    <message>
        <source>a start time is needed</source>
        <translation>é preciso um horário de início</translation>
    </message>
    <message>
        <source>an end time is needed</source>
        <translation>é preciso um horário de término</translation>
    </message>
    <message>
        <source>the end must be after the start</source>
        <translation>o término deve ser depois do início</translation>
    </message>
</context>
<context>
    <name>TravelSpeedReport</name>
    <message>
        <source>planning counts the straight-line time × %1</source>
        <translation>o planejamento conta o tempo em linha reta × %1</translation>
    </message>
    <message>
        <source>not enough history (%1 of %2 legs): straight-line times</source>
        <translation>histórico insuficiente (%1 de %2 trechos): tempos em linha reta</translation>
    </message>
    <message>
        <source>not slower than the straight-line model: its times (planning never counts less)</source>
        <translation>não é mais lento que o modelo em linha reta: os tempos dele (o planejamento nunca conta menos)</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Optimize %1: %n visit(s)</source>
        <translation>
            <numerusform>Otimizar %1: %n visita</numerusform>
            <numerusform>Otimizar %1: %n visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n preventive work order(s)</source>
        <translation>
            <numerusform>Gerar %n ordem de serviço preventiva</numerusform>
            <numerusform>Gerar %n ordens de serviço preventivas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserAccount</name>
    <message>
        <source>Dispatcher</source>
        <translation>Despachante</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planejador</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerente</translation>
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
        <translation>o servidor recusou: %1</translation>
    </message>
    <message>
        <source>a user name has 1 to 63 bytes (UTF-8)</source>
        <translation>um nome de usuário tem de 1 a 63 bytes (UTF-8)</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;, expected one of %2</source>
        <translation>papel desconhecido &quot;%1&quot;, esperado um de %2</translation>
    </message>
    <message>
        <source>users and roles exist only on a PostgreSQL server; a SQLite file has none</source>
        <translation>usuários e papéis existem apenas em um servidor PostgreSQL; um arquivo SQLite não tem nenhum</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>o servidor não informou o que este usuário pode fazer</translation>
    </message>
    <message>
        <source>this database predates user management; run `fieldops-cli init` to migrate it</source>
        <translation>este banco de dados é anterior ao gerenciamento de usuários; execute `fieldops-cli init` para migrá-lo</translation>
    </message>
    <message>
        <source>only a FieldOps admin may manage users, and %1 is not one</source>
        <translation>somente um administrador do FieldOps pode gerenciar usuários, e %1 não é um</translation>
    </message>
    <message>
        <source>unknown territory %1</source>
        <translation>território desconhecido %1</translation>
    </message>
    <message>
        <source>you cannot change your own role (%1); ask another admin</source>
        <translation>você não pode alterar seu próprio papel (%1); peça a outro administrador</translation>
    </message>
    <message>
        <source>you cannot disable your own login (%1); ask another admin</source>
        <translation>você não pode desativar seu próprio login (%1); peça a outro administrador</translation>
    </message>
</context>
<context>
    <name>UserReport</name>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>PAPEL</translation>
    </message>
    <message>
        <source>TERRITORIES</source>
        <translation>TERRITÓRIOS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(todos)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativo</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuário</numerusform>
            <numerusform>%n usuários</numerusform>
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
        <translation>GRAVIDADE</translation>
    </message>
    <message>
        <source>TECHNICIAN</source>
        <translation>TÉCNICO</translation>
    </message>
    <message>
        <source>APPOINTMENTS</source>
        <translation>AGENDAMENTOS</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETALHE</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n violação</numerusform>
            <numerusform>%n violações</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 está no futuro</translation>
    </message>
    <message>
        <source>say when the technician arrived</source>
        <translation>informe quando o técnico chegou</translation>
    </message>
    <message numerus="yes">
        <source>the arrival is more than %n hour(s) before the visit&apos;s start</source>
        <translation>
            <numerusform>a chegada é mais de %n hora antes do início da visita</numerusform>
            <numerusform>a chegada é mais de %n horas antes do início da visita</numerusform>
        </translation>
    </message>
    <message>
        <source>say when the work ended</source>
        <translation>informe quando o trabalho terminou</translation>
    </message>
    <message>
        <source>the work cannot end before the technician arrived</source>
        <translation>o trabalho não pode terminar antes da chegada do técnico</translation>
    </message>
    <message>
        <source>the technician cannot leave before the work ended</source>
        <translation>o técnico não pode sair antes do fim do trabalho</translation>
    </message>
    <message>
        <source>the departure cannot be before the arrival</source>
        <translation>a saída não pode ser antes da chegada</translation>
    </message>
    <message>
        <source>a resolved visit has no reason for not resolving</source>
        <translation>uma visita resolvida não tem motivo de não resolução</translation>
    </message>
    <message>
        <source>say why the job is not resolved</source>
        <translation>informe por que o serviço não foi resolvido</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; não é um de %2</translation>
    </message>
    <message>
        <source>the notes are longer than %1 characters</source>
        <translation>as notas têm mais de %1 caracteres</translation>
    </message>
    <message>
        <source>the name is longer than %1 characters</source>
        <translation>o nome tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>only a visit not resolved for missing parts lists parts</source>
        <translation>só uma visita não resolvida por falta de peças lista peças</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1: a quantidade deve ser maior que 0</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeRecorder</name>
    <message>
        <source>visit %1 does not exist</source>
        <translation>a visita %1 não existe</translation>
    </message>
    <message>
        <source>status: visit %1 is cancelled; a cancelled visit has no outcome</source>
        <translation>status: a visita %1 está cancelada; uma visita cancelada não tem resultado</translation>
    </message>
    <message>
        <source>resolved: work order %1 is cancelled; a cancelled job cannot be resolved</source>
        <translation>resolved: a ordem de serviço %1 está cancelada; um serviço cancelado não pode ser resolvido</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Tentative</source>
        <translation>Provisória</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>A caminho</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>No local</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Instalação</translation>
    </message>
    <message>
        <source>Corrective (repair)</source>
        <translation>Corretiva (reparo)</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventiva</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspeção</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aberta</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Around the clock (24×7)</source>
        <translation>24 horas (24×7)</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Horário comercial</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>por mês</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>por trimestre</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>por ano</translation>
    </message>
    <message>
        <source>Needs parts</source>
        <translation>Faltam peças</translation>
    </message>
    <message>
        <source>Customer absent</source>
        <translation>Cliente ausente</translation>
    </message>
    <message>
        <source>Needs a second visit</source>
        <translation>Precisa de uma segunda visita</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Encaminhado a terceiros</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprovado</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigido</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Deslocamento</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabalho</translation>
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
        <translation>O ativo %1 está na garantia até %2</translation>
    </message>
</context>
<context>
    <name>WorkOrderIntake</name>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>um id tem de 1 a 64 caracteres e nenhum espaço</translation>
    </message>
    <message>
        <source>choose the site where the work is done</source>
        <translation>escolha o local onde o trabalho é feito</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; não é um de %2</translation>
    </message>
    <message>
        <source>%1 is more than a week (%2 minutes)</source>
        <translation>%1 é mais de uma semana (%2 minutos)</translation>
    </message>
    <message>
        <source>the customer&apos;s window must end after it starts</source>
        <translation>a janela do cliente deve terminar depois de começar</translation>
    </message>
    <message>
        <source>the time the call came in is missing</source>
        <translation>falta o horário em que o chamado foi recebido</translation>
    </message>
    <message>
        <source>the SLA must fall due after the work order was created</source>
        <translation>o prazo do SLA deve ser posterior à criação da ordem de serviço</translation>
    </message>
    <message>
        <source>a new work order starts open</source>
        <translation>uma nova ordem de serviço começa aberta</translation>
    </message>
    <message>
        <source>keep the summary to %1 characters (it has %2)</source>
        <translation>limite o resumo a %1 caracteres (ele tem %2)</translation>
    </message>
    <message>
        <source>the description is longer than %1 characters</source>
        <translation>a descrição tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>the reason is longer than %1 characters</source>
        <translation>o motivo tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>work order %1 already exists</source>
        <translation>a ordem de serviço %1 já existe</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>cliente desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>local desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to %3</source>
        <translation>o local %1 pertence ao cliente %2, não a %3</translation>
    </message>
    <message>
        <source>unknown asset &quot;%1&quot;</source>
        <translation>ativo desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>asset %1 is at site %2, not at %3</source>
        <translation>o ativo %1 está no local %2, não em %3</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>contrato desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>contract %1 is customer %2&apos;s, not the site&apos;s customer %3</source>
        <translation>o contrato %1 é do cliente %2, não do cliente %3 do local</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>habilidade(s) desconhecida(s): %1</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>a ordem de serviço %1 não existe</translation>
    </message>
    <message>
        <source>cancel_reason: say why the work order is cancelled</source>
        <translation>cancel_reason: diga por que a ordem de serviço foi cancelada</translation>
    </message>
    <message>
        <source>cancel_reason: the reason is longer than %1 characters</source>
        <translation>cancel_reason: o motivo tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>status: work order %1 is already cancelled</source>
        <translation>status: a ordem de serviço %1 já está cancelada</translation>
    </message>
    <message>
        <source>status: work order %1 is done; a finished job cannot be cancelled</source>
        <translation>status: a ordem de serviço %1 está concluída; um trabalho finalizado não pode ser cancelado</translation>
    </message>
    <message>
        <source>unknown part(s): %1</source>
        <translation>peça(s) desconhecida(s): %1</translation>
    </message>
</context>
<context>
    <name>WorkOrderJson</name>
    <message>
        <source>expected text, not the number %1</source>
        <translation>esperado texto, não o número %1</translation>
    </message>
    <message>
        <source>expected %1, not true or false</source>
        <translation>esperado %1, não true ou false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>expected a single value, not a list</source>
        <translation>esperado um único valor, não uma lista</translation>
    </message>
    <message>
        <source>expected a list of skill codes (text)</source>
        <translation>esperada uma lista de códigos de habilidade (texto)</translation>
    </message>
    <message>
        <source>expected a single value, not an object</source>
        <translation>esperado um único valor, não um objeto</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>JSON inválido na posição %1: %2</translation>
    </message>
    <message>
        <source>expected one JSON object with the work order&apos;s fields</source>
        <translation>esperado um objeto JSON com os campos da ordem de serviço</translation>
    </message>
    <message>
        <source>expected the whole number of the version you last read</source>
        <translation>esperado o número inteiro da versão que você leu por último</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>um valor é obrigatório</translation>
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
        <translation>Resolvida</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Não resolvida</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>Não resolvida: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Equipamento</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (série %2)</translation>
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
        <translation>Aberta em</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>Prazo do SLA</translation>
    </message>
    <message>
        <source>Return visit of</source>
        <translation>Visita de retorno de</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>Visitas de retorno</translation>
    </message>
    <message>
        <source>No visit booked yet.</source>
        <translation>Nenhuma visita agendada ainda.</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Assinado por %1</translation>
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
        <translation>Planejada</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Chegou</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Saiu</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>No time booked.</source>
        <translation>Nenhum tempo lançado.</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>faturável</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>não faturável</translation>
    </message>
    <message>
        <source>Booked %1, of which billable %2</source>
        <translation>Lançado %1, dos quais faturável %2</translation>
    </message>
    <message>
        <source>; %1 not reviewed yet (not billed until approved)</source>
        <translation>; %1 ainda não revisado (não faturado até ser aprovado)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Atividade</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>O que foi feito</translation>
    </message>
    <message>
        <source>No parts used.</source>
        <translation>Nenhuma peça usada.</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Peça</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Taken from</source>
        <translation>Retirada de</translation>
    </message>
    <message>
        <source>not reserved</source>
        <translation>não reservada</translation>
    </message>
    <message>
        <source>Reserved at</source>
        <translation>Reservada em</translation>
    </message>
    <message>
        <source>%1 of 5, %2</source>
        <translation>%1 de 5, %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>lida %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>entregue %1</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>ainda não entregue</translation>
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
        <translation>Situação</translation>
    </message>
    <message>
        <source>Nothing: the job is done.</source>
        <translation>Nada: o serviço está concluído.</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled.</source>
        <translation>Nada: o serviço foi cancelado.</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled (%1).</source>
        <translation>Nada: o serviço foi cancelado (%1).</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2.</source>
        <translation>A última visita (%1) terminou %2.</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2 (“%3”).</source>
        <translation>A última visita (%1) terminou %2 (“%3”).</translation>
    </message>
    <message>
        <source>The return visit is work order %1 (%2).</source>
        <translation>A visita de retorno é a ordem de serviço %1 (%2).</translation>
    </message>
    <message>
        <source>A visit is booked.</source>
        <translation>Há uma visita agendada.</translation>
    </message>
    <message>
        <source>No visit is booked yet.</source>
        <translation>Nenhuma visita agendada ainda.</translation>
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
        <translation>Peças usadas</translation>
    </message>
    <message>
        <source>Parts needed</source>
        <translation>Peças necessárias</translation>
    </message>
    <message>
        <source>Customer&apos;s rating</source>
        <translation>Avaliação do cliente</translation>
    </message>
    <message>
        <source>Notices to the technicians</source>
        <translation>Avisos aos técnicos</translation>
    </message>
    <message>
        <source>What remains</source>
        <translation>O que falta</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>Ordem de serviço %1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Billing %1 to %2: %3 customer and contract rows, %4 lines, total %5.
</source>
        <translation>Faturamento de %1 a %2: %3 linhas de cliente e contrato, %4 itens, total %5.
</translation>
    </message>
    <message>
        <source>Time entries awaiting review (not billed): %1.
</source>
        <translation>Lançamentos de horas aguardando revisão (não faturados): %1.
</translation>
    </message>
    <message>
        <source>First day of the period (YYYY-MM-DD, UTC).</source>
        <translation>Primeiro dia do período (AAAA-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Last day of the period (YYYY-MM-DD, UTC).</source>
        <translation>Último dia do período (AAAA-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Directory to write the files into (created if missing).</source>
        <translation>Diretório onde gravar os arquivos (criado se não existir).</translation>
    </message>
    <message>
        <source>Print the summary rows as one JSON object.</source>
        <translation>Imprimir as linhas de resumo como um objeto JSON.</translation>
    </message>
    <message>
        <source>Bill a period: per customer and contract the approved billable time (approved or corrected
entries), the included hours of the contract for the period, the hours beyond at its rate, its
fixed fee and the parts used; pending entries are counted, not billed. Writes
billing_summary.csv, billing_lines.csv and billing.pdf into DIR.</source>
        <translation>Fatura um período: por cliente e contrato, o tempo faturável aprovado (lançamentos aprovados ou
corrigidos), as horas incluídas do contrato no período, as horas excedentes pela sua tarifa, sua
taxa fixa e as peças usadas; lançamentos pendentes são contados, não faturados. Grava
billing_summary.csv, billing_lines.csv e billing.pdf em DIR.</translation>
    </message>
    <message>
        <source>billing takes no arguments (got &quot;%1&quot;)</source>
        <translation>billing não aceita argumentos (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>billing needs --from, --to and --out, e.g. fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</source>
        <translation>billing precisa de --from, --to e --out, p. ex. fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</translation>
    </message>
    <message>
        <source>--out needs a directory</source>
        <translation>--out precisa de um diretório</translation>
    </message>
    <message>
        <source>No preventive work falls in this horizon.</source>
        <translation>Nenhum trabalho preventivo cai neste horizonte.</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sem território)</translation>
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
        <translation>Território</translation>
    </message>
    <message>
        <source>Demand h</source>
        <translation>Demanda h</translation>
    </message>
    <message>
        <source>Available h</source>
        <translation>Disponível h</translation>
    </message>
    <message>
        <source>Booked h</source>
        <translation>Agendado h</translation>
    </message>
    <message>
        <source>OVERLOADED</source>
        <translation>SOBRECARREGADO</translation>
    </message>
    <message numerus="yes">
        <source>Levelling moved %n occurrence(s):</source>
        <translation>
            <numerusform>O nivelamento moveu %n ocorrência:</numerusform>
            <numerusform>O nivelamento moveu %n ocorrências:</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1: %2 → %3</source>
        <translation>plano %1: %2 → %3</translation>
    </message>
    <message>
        <source>Preview the occurrences due in the next N days (0 … %1).</source>
        <translation>Visualizar as ocorrências com vencimento nos próximos N dias (0 … %1).</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today, UTC).</source>
        <translation>O primeiro dia do horizonte (padrão: hoje, UTC).</translation>
    </message>
    <message>
        <source>Move occurrences within their allowed window to flatten overloaded weeks; show the levelled table and the moves.</source>
        <translation>Mover ocorrências dentro de sua janela permitida para aliviar semanas sobrecarregadas; mostrar a tabela nivelada e as movimentações.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>Imprimir o resultado como um objeto JSON.</translation>
    </message>
    <message>
        <source>Per ISO week and territory: the hours of the preventive work generate-pm would create against the
free hours of the technicians holding the skills (shifts less absences and bookings). Writes nothing.</source>
        <translation>Por semana ISO e território: as horas de trabalho preventivo que generate-pm criaria em relação às
horas livres dos técnicos com as habilidades (turnos menos ausências e agendamentos). Não grava nada.</translation>
    </message>
    <message>
        <source>capacity-preview takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>capacity-preview não aceita argumentos além de suas opções (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--today: &quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--today: &quot;%1&quot; não é uma data (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostrar esta ajuda.</translation>
    </message>
    <message>
        <source>Usage: fieldops-cli [--db URL] %1</source>
        <translation>Uso: fieldops-cli [--db URL] %1</translation>
    </message>
    <message>
        <source>%1 holds no FieldOps schema; run `fieldops-cli --db URL init` first</source>
        <translation>%1 não contém esquema do FieldOps; execute `fieldops-cli --db URL init` primeiro</translation>
    </message>
    <message>
        <source>%1: a number of days is required, e.g. %1 %2</source>
        <translation>%1: é necessário um número de dias, p. ex. %1 %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number of days</source>
        <translation>%1: &quot;%2&quot; não é um número inteiro de dias</translation>
    </message>
    <message>
        <source>%1: %2 is outside [0, %3]</source>
        <translation>%1: %2 está fora de [0, %3]</translation>
    </message>
    <message>
        <source>--from needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--from precisa de uma data AAAA-MM-DD (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--to needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--to precisa de uma data AAAA-MM-DD (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2)</source>
        <translation>--to (%1) é anterior a --from (%2)</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 por %4 min</translation>
    </message>
    <message>
        <source>%1 rate %2 %3 per hour over %4 min</source>
        <translation>%1 taxa %2 %3 por hora ao longo de %4 min</translation>
    </message>
    <message>
        <source>%1 every %2</source>
        <translation>%1 a cada %2</translation>
    </message>
    <message>
        <source>%1 outside mean ± %2 sd for %3 min (baseline %4 weeks)</source>
        <translation>%1 fora da média ± %2 dp por %3 min (base de %4 semanas)</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>ativo %1</translation>
    </message>
    <message>
        <source>%1  %2, %3: %4 → %5 &quot;%6&quot; (priority %7)%8</source>
        <translation>%1  %2, %3: %4 → %5 &quot;%6&quot; (prioridade %7)%8</translation>
    </message>
    <message>
        <source>, inactive</source>
        <translation>, inativa</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>não é possível ler a entrada padrão</translation>
    </message>
    <message>
        <source>No condition rules.</source>
        <translation>Nenhuma regra de condição.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Imprimir o resultado como JSON.</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601 with an offset or Z).</source>
        <translation>Início do intervalo (ISO 8601 com deslocamento ou Z).</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601 with an offset or Z).</source>
        <translation>Fim do intervalo, exclusivo (ISO 8601 com deslocamento ou Z).</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Imprimir JSON em vez de uma tabela.</translation>
    </message>
    <message>
        <source>Check the schedule&apos;s rules for appointments intersecting [from, to): overlap (hard); travel, shift, absence, skill, window, sla (soft).</source>
        <translation>Verificar as regras da programação para agendamentos que cruzam [from, to): sobreposição (rígida); deslocamento, turno, ausência, habilidade, janela, SLA (flexíveis).</translation>
    </message>
    <message>
        <source>conflicts takes no arguments, only --from, --to and --json</source>
        <translation>conflicts não aceita argumentos, apenas --from, --to e --json</translation>
    </message>
    <message>
        <source>conflicts needs --from T and --to T</source>
        <translation>conflicts precisa de --from T e --to T</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from &quot;%1&quot; não é um carimbo de data/hora ISO 8601 com deslocamento ou Z</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--to &quot;%1&quot; não é um carimbo de data/hora ISO 8601 com deslocamento ou Z</translation>
    </message>
    <message>
        <source>--to must be after --from</source>
        <translation>--to deve ser posterior a --from</translation>
    </message>
    <message>
        <source>Another evaluation is running (%1); nothing done.</source>
        <translation>Outra avaliação está em execução (%1); nada foi feito.</translation>
    </message>
    <message>
        <source>opened     rule %1, asset %2, since %3: %4 (%5)</source>
        <translation>aberto     regra %1, ativo %2, desde %3: %4 (%5)</translation>
    </message>
    <message>
        <source>no work order: dry run</source>
        <translation>nenhuma ordem de serviço: simulação</translation>
    </message>
    <message>
        <source>continued  rule %1, asset %2, since %3: %4</source>
        <translation>continuado regra %1, ativo %2, desde %3: %4</translation>
    </message>
    <message>
        <source>cleared    rule %1, asset %2, since %3: %4</source>
        <translation>encerrado  regra %1, ativo %2, desde %3: %4</translation>
    </message>
    <message>
        <source>rules: %1, assets: %2; opened %3, continued %4, cleared %5</source>
        <translation>regras: %1, ativos: %2; abertos %3, continuados %4, encerrados %5</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (simulação: nada gravado)</translation>
    </message>
    <message>
        <source>Report what would change; write nothing.</source>
        <translation>Informar o que mudaria; não gravar nada.</translation>
    </message>
    <message>
        <source>Evaluate as of this instant (ISO 8601 with an offset or Z; default now).</source>
        <translation>Avaliar neste instante (ISO 8601 com deslocamento ou Z; padrão: agora).</translation>
    </message>
    <message>
        <source>Evaluate every active condition rule on the readings of its assets: a breach without an open
episode opens one with its work order, a breach with one continues it, a recovery clears it.
One transaction; a second run opens nothing more.</source>
        <translation>Avalia cada regra de condição ativa nas leituras de seus ativos: uma violação sem episódio
aberto abre um com sua ordem de serviço, uma violação com episódio o continua, uma recuperação o encerra.
Uma transação; uma segunda execução não abre mais nada.</translation>
    </message>
    <message>
        <source>evaluate-conditions takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>evaluate-conditions não aceita argumentos além de suas opções (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--at: &quot;%1&quot; is not an ISO 8601 time with an offset or Z</source>
        <translation>--at: &quot;%1&quot; não é um horário ISO 8601 com deslocamento ou Z</translation>
    </message>
    <message>
        <source>Directory to write the CSV files into (created if missing).</source>
        <translation>Diretório onde gravar os arquivos CSV (criado se não existir).</translation>
    </message>
    <message>
        <source>Export every entity as the CSV files `import` reads.</source>
        <translation>Exportar todas as entidades como os arquivos CSV que `import` lê.</translation>
    </message>
    <message>
        <source>export needs exactly one directory</source>
        <translation>export precisa de exatamente um diretório</translation>
    </message>
    <message>
        <source>exported %1 rows into %2 files</source>
        <translation>%1 linhas exportadas em %2 arquivos</translation>
    </message>
    <message numerus="yes">
        <source>Would create %n preventive work order(s) (dry run: nothing written).</source>
        <translation>
            <numerusform>Criaria %n ordem de serviço preventiva (simulação: nada gravado).</numerusform>
            <numerusform>Criaria %n ordens de serviço preventivas (simulação: nada gravado).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s).</source>
        <translation>
            <numerusform>%n ordem de serviço preventiva criada.</numerusform>
            <numerusform>%n ordens de serviço preventivas criadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  plan %2, asset %3, due %4</source>
        <translation>%1  plano %2, ativo %3, vencimento %4</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n occurrence(s):</source>
        <translation>
            <numerusform>%n ocorrência ignorada:</numerusform>
            <numerusform>%n ocorrências ignoradas:</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1, due %2: %3 (%4)</source>
        <translation>plano %1, vencimento %2: %3 (%4)</translation>
    </message>
    <message>
        <source>Generate the occurrences due in the next N days (0 … %1).</source>
        <translation>Gerar as ocorrências com vencimento nos próximos N dias (0 … %1).</translation>
    </message>
    <message>
        <source>Report what would be created; write nothing.</source>
        <translation>Informar o que seria criado; não gravar nada.</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today in each site&apos;s time zone).</source>
        <translation>O primeiro dia do horizonte (padrão: hoje no fuso horário de cada local).</translation>
    </message>
    <message>
        <source>Level the capacity first (as capacity-preview --level does for the same horizon) and generate the moved occurrences on their levelled days.</source>
        <translation>Nivelar a capacidade primeiro (como capacity-preview --level faz para o mesmo horizonte) e gerar as ocorrências movidas em seus dias nivelados.</translation>
    </message>
    <message>
        <source>Create the preventive work orders the maintenance plans call for in the next N days:
one per occurrence, once (a second run creates nothing), all in one transaction.
With --level, occurrences in overloaded weeks are due on the days the capacity levelling
moves them to (capacity-preview --level shows the moves); &quot;due&quot; is then the moved day.</source>
        <translation>Cria as ordens de serviço preventivas que os planos de manutenção exigem nos próximos N dias:
uma por ocorrência, uma única vez (uma segunda execução não cria nada), tudo em uma transação.
Com --level, ocorrências em semanas sobrecarregadas vencem nos dias para onde o nivelamento de
capacidade as move (capacity-preview --level mostra as movimentações); &quot;due&quot; é então o dia movido.</translation>
    </message>
    <message>
        <source>generate-pm takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>generate-pm não aceita argumentos além de suas opções (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Directory of CSV files (the CSV interchange in the README).</source>
        <translation>Diretório de arquivos CSV (o intercâmbio CSV descrito no README).</translation>
    </message>
    <message>
        <source>IANA time zone for technicians and sites without one (default UTC).</source>
        <translation>Fuso horário IANA para técnicos e locais sem um (padrão UTC).</translation>
    </message>
    <message>
        <source>Import a directory of CSV files: all rows or none. Problems are reported as file:line: column: reason.</source>
        <translation>Importar um diretório de arquivos CSV: todas as linhas ou nenhuma. Os problemas são informados como arquivo:linha: coluna: motivo.</translation>
    </message>
    <message>
        <source>import needs exactly one directory</source>
        <translation>import precisa de exatamente um diretório</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>lost the connection to the server during import; nothing was imported</source>
        <translation>a conexão com o servidor foi perdida durante a importação; nada foi importado</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 linhas</translation>
    </message>
    <message>
        <source>imported %1 rows from %2 files</source>
        <translation>%1 linhas importadas de %2 arquivos</translation>
    </message>
    <message>
        <source>ingested 1 event</source>
        <translation>1 evento recebido</translation>
    </message>
    <message>
        <source>ingested %1 events</source>
        <translation>%1 eventos recebidos</translation>
    </message>
    <message>
        <source>File of events, one JSON object per line; - reads standard input.</source>
        <translation>Arquivo de eventos, um objeto JSON por linha; - lê a entrada padrão.</translation>
    </message>
    <message>
        <source>Print {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}.</source>
        <translation>Imprimir {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}.</translation>
    </message>
    <message>
        <source>ingest needs exactly one file, or - for standard input</source>
        <translation>ingest precisa de exatamente um arquivo, ou - para a entrada padrão</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: não é possível ler: %2</translation>
    </message>
    <message>
        <source>%1: %2: unknown key, ignored</source>
        <translation>%1: %2: chave desconhecida, ignorada</translation>
    </message>
    <message>
        <source>Create the FieldOps schema in an empty database, or migrate an older one in place.</source>
        <translation>Criar o esquema do FieldOps em um banco de dados vazio ou migrar um mais antigo no local.</translation>
    </message>
    <message>
        <source>init takes no arguments</source>
        <translation>init não aceita argumentos</translation>
    </message>
    <message>
        <source>schema already at version %1</source>
        <translation>esquema já está na versão %1</translation>
    </message>
    <message>
        <source>schema at version %1 (was %2)</source>
        <translation>esquema na versão %1 (era %2)</translation>
    </message>
    <message>
        <source>first day of the period (YYYY-MM-DD)</source>
        <translation>primeiro dia do período (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>last day of the period, included (YYYY-MM-DD)</source>
        <translation>último dia do período, incluído (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>time zone the days are counted in (IANA, default UTC)</source>
        <translation>fuso horário em que os dias são contados (IANA, padrão UTC)</translation>
    </message>
    <message>
        <source>break down by: technician</source>
        <translation>detalhar por: technician</translation>
    </message>
    <message>
        <source>print JSON (INTERCHANGE §4)</source>
        <translation>imprimir JSON (INTERCHANGE §4)</translation>
    </message>
    <message>
        <source>Key performance indicators for a period, overall or by technician.</source>
        <translation>Indicadores-chave de desempenho de um período, no geral ou por técnico.</translation>
    </message>
    <message>
        <source>kpi takes no positional arguments</source>
        <translation>kpi não aceita argumentos posicionais</translation>
    </message>
    <message>
        <source>--to is before --from</source>
        <translation>--to é anterior a --from</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>fuso horário desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--by supports only &quot;technician&quot;</source>
        <translation>--by aceita apenas &quot;technician&quot;</translation>
    </message>
    <message>
        <source>KPIs %1 … %2 (%3)</source>
        <translation>KPIs %1 … %2 (%3)</translation>
    </message>
    <message>
        <source>create or migrate the schema</source>
        <translation>criar ou migrar o esquema</translation>
    </message>
    <message>
        <source>fill the database with a deterministic demo operation</source>
        <translation>preencher o banco de dados com uma operação de demonstração determinística</translation>
    </message>
    <message>
        <source>import a directory of CSV files (all or nothing)</source>
        <translation>importar um diretório de arquivos CSV (tudo ou nada)</translation>
    </message>
    <message>
        <source>export every entity as CSV files into a directory</source>
        <translation>exportar todas as entidades como arquivos CSV em um diretório</translation>
    </message>
    <message>
        <source>check the schedule&apos;s rules (overlap, travel, shift, absence, skill, window, SLA)</source>
        <translation>verificar as regras da programação (sobreposição, deslocamento, turno, ausência, habilidade, janela, SLA)</translation>
    </message>
    <message>
        <source>key performance indicators for a period (--from D --to D [--by technician] [--json])</source>
        <translation>indicadores-chave de desempenho de um período (--from D --to D [--by technician] [--json])</translation>
    </message>
    <message>
        <source>open, change or cancel a work order (create | update ID | cancel ID --reason TEXT; JSON on stdin)</source>
        <translation>abrir, alterar ou cancelar uma ordem de serviço (create | update ID | cancel ID --reason TEXT; JSON na stdin)</translation>
    </message>
    <message>
        <source>create the preventive work orders the maintenance plans call for (--horizon-days N [--dry-run] [--json])</source>
        <translation>criar as ordens de serviço preventivas que os planos de manutenção exigem (--horizon-days N [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>hours of the preventive work to come against the technicians&apos; free hours, per week and territory (--horizon-days N [--level] [--json])</source>
        <translation>horas do trabalho preventivo futuro em relação às horas livres dos técnicos, por semana e território (--horizon-days N [--level] [--json])</translation>
    </message>
    <message>
        <source>rank feasible technicians and start times for a work order (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])</source>
        <translation>classificar técnicos e horários de início viáveis para uma ordem de serviço (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])</translation>
    </message>
    <message>
        <source>plan a day&apos;s unassigned work orders around the booked visits, every new visit checked by the rules (--date D [--territory T] [--time-limit S] [--json] [--apply])</source>
        <translation>planejar as ordens de serviço não atribuídas de um dia em torno das visitas agendadas, cada nova visita verificada pelas regras (--date D [--territory T] [--time-limit S] [--json] [--apply])</translation>
    </message>
    <message>
        <source>review the technicians&apos; time: list with flags, approve, correct (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])</source>
        <translation>revisar o tempo dos técnicos: listar com sinalizações, aprovar, corrigir (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])</translation>
    </message>
    <message>
        <source>approved time and parts per customer and contract with the contracts&apos; terms, as CSV and PDF (--from D --to D --out DIR [--json])</source>
        <translation>tempo e peças aprovados por cliente e contrato com os termos dos contratos, em CSV e PDF (--from D --to D --out DIR [--json])</translation>
    </message>
    <message>
        <source>take in the field gateway&apos;s events, one JSON object per line, all or nothing (FILE|- [--json])</source>
        <translation>receber os eventos do gateway de campo, um objeto JSON por linha, tudo ou nada (FILE|- [--json])</translation>
    </message>
    <message>
        <source>evaluate the condition rules on the assets&apos; readings: open, continue or clear episodes and open their work orders ([--dry-run] [--json] [--at ISO-TIME])</source>
        <translation>avaliar as regras de condição nas leituras dos ativos: abrir, continuar ou encerrar episódios e abrir suas ordens de serviço ([--dry-run] [--json] [--at ISO-TIME])</translation>
    </message>
    <message>
        <source>play the technicians&apos; phones live (--speed X --duration S --seed N)</source>
        <translation>simular ao vivo os celulares dos técnicos (--speed X --duration S --seed N)</translation>
    </message>
    <message>
        <source>PostgreSQL logins in FieldOps roles (admins): add, list, set-role, set-territories, disable, enable</source>
        <translation>logins do PostgreSQL em papéis do FieldOps (administradores): add, list, set-role, set-territories, disable, enable</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db[?sslmode=…]
(default: FIELDOPS_DB, else the console&apos;s own SQLite file).
</source>
        <translation>URL do banco de dados: sqlite:///abs/path.db ou postgresql://user[:password]@host:port/db[?sslmode=…]
(padrão: FIELDOPS_DB, senão o próprio arquivo SQLite do console).
</translation>
    </message>
    <message>
        <source>--verbose: after an error&apos;s one line, the database driver&apos;s own text.

Commands:
</source>
        <translation>--verbose: após a linha única de um erro, o texto do próprio driver do banco de dados.

Comandos:
</translation>
    </message>
    <message>
        <source>`fieldops-cli COMMAND --help` describes each command.</source>
        <translation>`fieldops-cli COMMAND --help` descreve cada comando.</translation>
    </message>
    <message>
        <source>--db needs a URL</source>
        <translation>--db precisa de uma URL</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see fieldops-cli --help)</source>
        <translation>comando desconhecido &quot;%1&quot; (veja fieldops-cli --help)</translation>
    </message>
    <message>
        <source>%1: new visits: %2; travel to and from them: %3 min.
</source>
        <translation>%1: novas visitas: %2; deslocamento de ida e volta: %3 min.
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
        <translation>Não alocadas: %1
</translation>
    </message>
    <message>
        <source>Written.
</source>
        <translation>Gravado.
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to book these visits).
</source>
        <translation>Nada gravado (adicione --apply para agendar estas visitas).
</translation>
    </message>
    <message>
        <source>The day to plan (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>O dia a planejar (AAAA-MM-DD, no fuso horário de cada técnico).</translation>
    </message>
    <message>
        <source>Only this territory&apos;s sites and technicians.</source>
        <translation>Somente os locais e técnicos deste território.</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search (decimal, default 5).</source>
        <translation>Segundos que o otimizador pode buscar (decimal, padrão 5).</translation>
    </message>
    <message>
        <source>Print the plan as one JSON object.</source>
        <translation>Imprimir o plano como um objeto JSON.</translation>
    </message>
    <message>
        <source>Book the new visits, all in one transaction.</source>
        <translation>Agendar as novas visitas, tudo em uma transação.</translation>
    </message>
    <message>
        <source>optimize takes no arguments (got &quot;%1&quot;)</source>
        <translation>optimize não aceita argumentos (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>optimize needs --date, e.g. fieldops-cli optimize --date 2026-03-02</source>
        <translation>optimize precisa de --date, p. ex. fieldops-cli optimize --date 2026-03-02</translation>
    </message>
    <message>
        <source>--date: &quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>--date: &quot;%1&quot; não é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>--time-limit: &quot;%1&quot; is not a number of seconds in (0, %2]</source>
        <translation>--time-limit: &quot;%1&quot; não é um número de segundos em (0, %2]</translation>
    </message>
    <message>
        <source>--territory needs a territory id</source>
        <translation>--territory precisa de um id de território</translation>
    </message>
    <message>
        <source>Seeded a demo field-service operation in São Paulo (America/Sao_Paulo) for %1 at %2 with seed %3: %4 technicians in 6 territories with %5 absences; %6 customers with %7 sites, %8 assets, %9 maintenance contracts and %10 preventive plans; %11 days of history and %12 days ahead with %13 work orders (%14 open in the dispatch queue), %15 appointments, %16 ratings and %17 time entries; %18 technician positions today. %19 rows written in %20 s.</source>
        <translation>Operação de demonstração de serviços de campo gerada em São Paulo (America/Sao_Paulo) para %1 às %2 com semente %3: %4 técnicos em 6 territórios com %5 ausências; %6 clientes com %7 locais, %8 ativos, %9 contratos de manutenção e %10 planos preventivos; %11 dias de histórico e %12 dias à frente com %13 ordens de serviço (%14 abertas na fila de despacho), %15 agendamentos, %16 avaliações e %17 lançamentos de horas; %18 posições de técnicos hoje. %19 linhas gravadas em %20 s.</translation>
    </message>
    <message>
        <source>number of technicians, 1–5000 (default %1)</source>
        <translation>número de técnicos, 1–5000 (padrão %1)</translation>
    </message>
    <message>
        <source>days of history before today, 0–3650 (default %1)</source>
        <translation>dias de histórico antes de hoje, 0–3650 (padrão %1)</translation>
    </message>
    <message>
        <source>days of planned schedule and queue after today, 0–60 (default %1)</source>
        <translation>dias de programação planejada e fila após hoje, 0–60 (padrão %1)</translation>
    </message>
    <message>
        <source>number of customers, 1–200000 (default %1)</source>
        <translation>número de clientes, 1–200000 (padrão %1)</translation>
    </message>
    <message>
        <source>random seed, 0–4294967295 (default %1): the same seed and --today give the same data</source>
        <translation>semente aleatória, 0–4294967295 (padrão %1): a mesma semente e --today geram os mesmos dados</translation>
    </message>
    <message>
        <source>the demo&apos;s today (default: the current date)</source>
        <translation>o dia de hoje da demonstração (padrão: a data atual)</translation>
    </message>
    <message>
        <source>the demo&apos;s current time on that day, São Paulo time (default 10:00)</source>
        <translation>a hora atual da demonstração nesse dia, horário de São Paulo (padrão 10:00)</translation>
    </message>
    <message>
        <source>Fill an empty database with a deterministic demo operation in São Paulo: technicians, customers, sites, assets, contracts and preventive plans, the history of visits (so every KPI has values), today&apos;s and the next days&apos; schedule and queue, and today&apos;s technician positions. One transaction: all or nothing.

The schema is created first if the database has none. A database that already holds technicians, customers or work orders is refused (exit 1): there is no --force, start from an empty database instead.
Exit status: 0 seeded, 2 invalid option, 1 database not empty or other failure.</source>
        <translation>Preenche um banco de dados vazio com uma operação de demonstração determinística em São Paulo: técnicos, clientes, locais, ativos, contratos e planos preventivos, o histórico de visitas (para que todo KPI tenha valores), a programação e a fila de hoje e dos próximos dias, e as posições dos técnicos hoje. Uma transação: tudo ou nada.

O esquema é criado primeiro se o banco de dados não tiver um. Um banco de dados que já contém técnicos, clientes ou ordens de serviço é recusado (saída 1): não existe --force, comece com um banco de dados vazio.
Status de saída: 0 dados gerados, 2 opção inválida, 1 banco de dados não vazio ou outra falha.</translation>
    </message>
    <message>
        <source>seed-demo takes no arguments (see fieldops-cli seed-demo --help)</source>
        <translation>seed-demo não aceita argumentos (veja fieldops-cli seed-demo --help)</translation>
    </message>
    <message>
        <source>--technicians needs a whole number, not &quot;%1&quot;</source>
        <translation>--technicians precisa de um número inteiro, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--days needs a whole number, not &quot;%1&quot;</source>
        <translation>--days precisa de um número inteiro, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--future-days needs a whole number, not &quot;%1&quot;</source>
        <translation>--future-days precisa de um número inteiro, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--customers needs a whole number, not &quot;%1&quot;</source>
        <translation>--customers precisa de um número inteiro, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 4294967295, not &quot;%1&quot;</source>
        <translation>--seed precisa de um número inteiro de 0 a 4294967295, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--today precisa de uma data no formato AAAA-MM-DD, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--now needs a clock time as HH:MM, not &quot;%1&quot;</source>
        <translation>--now precisa de um horário no formato HH:MM, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Simulated seconds per real second (default 60).</source>
        <translation>Segundos simulados por segundo real (padrão 60).</translation>
    </message>
    <message>
        <source>How long to run, in real seconds (default 60).</source>
        <translation>Por quanto tempo executar, em segundos reais (padrão 60).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Semente aleatória (padrão 1).</translation>
    </message>
    <message>
        <source>--speed must be a number above 0 (at most 100000)</source>
        <translation>--speed deve ser um número maior que 0 (no máximo 100000)</translation>
    </message>
    <message>
        <source>--duration must be a number of seconds above 0</source>
        <translation>--duration deve ser um número de segundos maior que 0</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed deve ser um número inteiro</translation>
    </message>
    <message>
        <source>simulating %1 technicians at %2× for %3 s …</source>
        <translation>simulando %1 técnicos a %2× por %3 s …</translation>
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
        <translation>INÍCIO</translation>
    </message>
    <message>
        <source>END</source>
        <translation>FIM</translation>
    </message>
    <message>
        <source>TRAVEL</source>
        <translation>DESLOCAMENTO</translation>
    </message>
    <message>
        <source>SCORE</source>
        <translation>PONTUAÇÃO</translation>
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
        <translation>A ordem de serviço a alocar.</translation>
    </message>
    <message>
        <source>How many candidates at most (1 … %1, default 5).</source>
        <translation>Quantos candidatos no máximo (1 … %1, padrão 5).</translation>
    </message>
    <message>
        <source>Search from this instant (ISO 8601 with an offset or Z; default: now).</source>
        <translation>Buscar a partir deste instante (ISO 8601 com deslocamento ou Z; padrão: agora).</translation>
    </message>
    <message>
        <source>Search this many days from --from (1 … %1, default 7).</source>
        <translation>Buscar esta quantidade de dias a partir de --from (1 … %1, padrão 7).</translation>
    </message>
    <message>
        <source>Print the candidates as one JSON object.</source>
        <translation>Imprimir os candidatos como um objeto JSON.</translation>
    </message>
    <message>
        <source>Rank the feasible (technician, start) slots for a work order, best first. Every slot passes the
rules `conflicts` checks (overlap, travel, shift, absence, skill, window); a slot ending after the
SLA due is kept but scores below every slot within it, and its reasons say how late it is.</source>
        <translation>Classifica os horários (técnico, início) viáveis para uma ordem de serviço, do melhor para o pior. Cada horário passa
pelas regras que `conflicts` verifica (sobreposição, deslocamento, turno, ausência, habilidade, janela); um horário que termina após o
prazo do SLA é mantido, mas fica abaixo de todos os horários dentro dele, e seus motivos dizem quanto ele atrasa.</translation>
    </message>
    <message>
        <source>suggest needs a work order id, e.g. fieldops-cli suggest WO-000012</source>
        <translation>suggest precisa de um id de ordem de serviço, p. ex. fieldops-cli suggest WO-000012</translation>
    </message>
    <message>
        <source>suggest takes one work order id (got &quot;%1&quot;)</source>
        <translation>suggest aceita um único id de ordem de serviço (recebido &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--top: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--top: &quot;%1&quot; não é um número inteiro em [1, %2]</translation>
    </message>
    <message>
        <source>--days: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--days: &quot;%1&quot; não é um número inteiro em [1, %2]</translation>
    </message>
    <message>
        <source>--from: &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from: &quot;%1&quot; não é um carimbo de data/hora ISO 8601 com deslocamento ou Z</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>Nenhum horário viável: %1</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>faturável</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>não faturável</translation>
    </message>
    <message>
        <source>Entries: %1, flagged: %2.
</source>
        <translation>Lançamentos: %1, sinalizados: %2.
</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD, UTC) of the entries&apos; starts.</source>
        <translation>Primeiro dia (AAAA-MM-DD, UTC) do início dos lançamentos.</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD, UTC).</source>
        <translation>Último dia (AAAA-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Only this technician&apos;s entries.</source>
        <translation>Somente os lançamentos deste técnico.</translation>
    </message>
    <message>
        <source>Print the entries as one JSON object.</source>
        <translation>Imprimir os lançamentos como um objeto JSON.</translation>
    </message>
    <message>
        <source>time-entries: unknown action &quot;%1&quot; (approve or correct)</source>
        <translation>time-entries: ação desconhecida &quot;%1&quot; (approve ou correct)</translation>
    </message>
    <message>
        <source>time-entries needs --from and --to, e.g. fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</source>
        <translation>time-entries precisa de --from e --to, p. ex. fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</translation>
    </message>
    <message>
        <source>--technician needs a technician id</source>
        <translation>--technician precisa de um id de técnico</translation>
    </message>
    <message>
        <source>--technician: no technician %1</source>
        <translation>--technician: nenhum técnico %1</translation>
    </message>
    <message>
        <source>Time entries to approve.</source>
        <translation>Lançamentos de horas a aprovar.</translation>
    </message>
    <message>
        <source>Approve pending time entries as they were entered, in one transaction. Entries already reviewed
are left as they are.</source>
        <translation>Aprova lançamentos de horas pendentes como foram registrados, em uma transação. Lançamentos já revisados
ficam como estão.</translation>
    </message>
    <message>
        <source>time-entries approve needs at least one entry id</source>
        <translation>time-entries approve precisa de pelo menos um id de lançamento</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time entry id</source>
        <translation>&quot;%1&quot; não é um id de lançamento de horas</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Aprovados: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Already reviewed, left as they are: %1.</source>
        <translation>Já revisados, mantidos como estão: %1.</translation>
    </message>
    <message>
        <source>The time entry to correct.</source>
        <translation>O lançamento de horas a corrigir.</translation>
    </message>
    <message>
        <source>New start (ISO 8601 with offset or Z).</source>
        <translation>Novo início (ISO 8601 com deslocamento ou Z).</translation>
    </message>
    <message>
        <source>New end (ISO 8601 with offset or Z).</source>
        <translation>Novo fim (ISO 8601 com deslocamento ou Z).</translation>
    </message>
    <message>
        <source>1 billable, 0 not.</source>
        <translation>1 faturável, 0 não.</translation>
    </message>
    <message>
        <source>What was done.</source>
        <translation>O que foi feito.</translation>
    </message>
    <message>
        <source>The version the entry was read at; refused if it moved on.</source>
        <translation>A versão em que o lançamento foi lido; recusado se ele tiver mudado.</translation>
    </message>
    <message>
        <source>Correct a time entry: it becomes corrected and is billed as corrected; the audit log keeps the
values it replaces. With --version, an entry changed since that version is refused.</source>
        <translation>Corrige um lançamento de horas: ele passa a corrigido e é faturado como corrigido; o log de auditoria guarda os
valores substituídos. Com --version, um lançamento alterado desde essa versão é recusado.</translation>
    </message>
    <message>
        <source>time-entries correct needs exactly one entry id</source>
        <translation>time-entries correct precisa de exatamente um id de lançamento</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time with an offset, e.g. 2026-03-02T09:00:00Z</source>
        <translation>--%1: &quot;%2&quot; não é um horário com deslocamento, p. ex. 2026-03-02T09:00:00Z</translation>
    </message>
    <message>
        <source>--billable: &quot;%1&quot; is not 0 or 1</source>
        <translation>--billable: &quot;%1&quot; não é 0 ou 1</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version number</source>
        <translation>--version: &quot;%1&quot; não é um número de versão</translation>
    </message>
    <message>
        <source>time-entries correct needs at least one of --start, --end, --billable, --comment</source>
        <translation>time-entries correct precisa de pelo menos um entre --start, --end, --billable, --comment</translation>
    </message>
    <message>
        <source>Corrected time entry %1; now at version %2.</source>
        <translation>Lançamento de horas %1 corrigido; agora na versão %2.</translation>
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
                                  um novo login em um papel do FieldOps
  list [--json]                   todos os logins do FieldOps: papel, territórios, desativado
  set-role NAME --role R          move o login para outro papel do FieldOps
  set-territories NAME [--territory T]…
                                  substitui seus territórios (nenhum: todos os territórios)
  disable NAME                    o login não pode mais entrar (NOLOGIN)
  enable NAME                     o login pode entrar novamente (LOGIN)</translation>
    </message>
    <message>
        <source>limit a dispatcher to this territory (repeatable; none: all territories)</source>
        <translation>limitar um despachante a este território (repetível; nenhum: todos os territórios)</translation>
    </message>
    <message>
        <source>read the new user&apos;s password from the first line of standard input</source>
        <translation>ler a senha do novo usuário da primeira linha da entrada padrão</translation>
    </message>
    <message>
        <source>list: print JSON instead of a table</source>
        <translation>list: imprimir JSON em vez de uma tabela</translation>
    </message>
    <message>
        <source>add, list, set-role, set-territories, disable or enable</source>
        <translation>add, list, set-role, set-territories, disable ou enable</translation>
    </message>
    <message>
        <source>the login name (every action but list)</source>
        <translation>o nome de login (todas as ações, exceto list)</translation>
    </message>
    <message>
        <source>Manage the PostgreSQL logins in FieldOps roles (admins only):
</source>
        <translation>Gerenciar os logins do PostgreSQL em papéis do FieldOps (somente administradores):
</translation>
    </message>
    <message>
        <source>usage: fieldops-cli user add|list|set-role|set-territories|disable|enable … (see user --help)</source>
        <translation>uso: fieldops-cli user add|list|set-role|set-territories|disable|enable … (veja user --help)</translation>
    </message>
    <message>
        <source>user %1 takes one login name</source>
        <translation>user %1 aceita um único nome de login</translation>
    </message>
    <message>
        <source>user %1 takes no login name</source>
        <translation>user %1 não aceita nome de login</translation>
    </message>
    <message>
        <source>--%1 does not go with user %2</source>
        <translation>--%1 não se aplica a user %2</translation>
    </message>
    <message>
        <source>user %1 needs --role R</source>
        <translation>user %1 precisa de --role R</translation>
    </message>
    <message>
        <source>user %1 is a %2</source>
        <translation>o usuário %1 tem o papel %2</translation>
    </message>
    <message>
        <source>user %1 is now a %2</source>
        <translation>o usuário %1 agora tem o papel %2</translation>
    </message>
    <message>
        <source>user %1 now works in every territory</source>
        <translation>o usuário %1 agora trabalha em todos os territórios</translation>
    </message>
    <message>
        <source>user %1 is now limited to %2</source>
        <translation>o usuário %1 agora está limitado a %2</translation>
    </message>
    <message>
        <source>user %1 may log in</source>
        <translation>o usuário %1 pode entrar</translation>
    </message>
    <message>
        <source>user %1 may no longer log in</source>
        <translation>o usuário %1 não pode mais entrar</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (e mais %1)</translation>
    </message>
    <message>
        <source>warning: %1: not a work-order field; ignored</source>
        <translation>aviso: %1: não é um campo de ordem de serviço; ignorado</translation>
    </message>
    <message>
        <source>version: a new work order has no version yet; leave it out</source>
        <translation>version: uma nova ordem de serviço ainda não tem versão; omita-a</translation>
    </message>
    <message>
        <source>site_id: a value is required (the site where the work is done)</source>
        <translation>site_id: um valor é obrigatório (o local onde o trabalho é feito)</translation>
    </message>
    <message>
        <source>duration_min: a value is required (the estimated minutes of work)</source>
        <translation>duration_min: um valor é obrigatório (os minutos estimados de trabalho)</translation>
    </message>
    <message>
        <source>id: a work order&apos;s id cannot change (%1 in the object, %2 on the command line)</source>
        <translation>id: o id de uma ordem de serviço não pode mudar (%1 no objeto, %2 na linha de comando)</translation>
    </message>
    <message>
        <source>status: cancel with `fieldops-cli work-order cancel %1 --reason TEXT`</source>
        <translation>status: cancele com `fieldops-cli work-order cancel %1 --reason TEXT`</translation>
    </message>
    <message>
        <source>work order %1 is at version %2, not %3</source>
        <translation>a ordem de serviço %1 está na versão %2, não %3</translation>
    </message>
    <message>
        <source>version: %1 is stale; nothing was changed: %2</source>
        <translation>version: %1 está desatualizada; nada foi alterado: %2</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 cancelada</translation>
    </message>
    <message>
        <source>%1 cancelled with its visits %2</source>
        <translation>%1 cancelada com suas visitas %2</translation>
    </message>
    <message>
        <source>Why the work order is cancelled (cancel).</source>
        <translation>Por que a ordem de serviço foi cancelada (cancel).</translation>
    </message>
    <message>
        <source>create, update ID or cancel ID</source>
        <translation>create, update ID ou cancel ID</translation>
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
        <translation>Abrir, alterar ou cancelar uma ordem de serviço.
  create          lê da entrada padrão um objeto JSON cujas chaves são as colunas de work_orders.csv
                  (id opcional, required_skills uma lista; quando ausente, contract_id é o
                  contrato que cita o ativo, senão o local, senão um contrato geral, e sla_due
                  e response_due vêm dos termos dele)
                  e imprime o novo id
  update ID       lê as chaves a alterar (adicione &quot;version&quot; para recusar uma atualização desatualizada)
  cancel ID --reason TEXT   cancela a ordem de serviço e suas visitas ainda por vir</translation>
    </message>
    <message>
        <source>--reason belongs to cancel</source>
        <translation>--reason pertence a cancel</translation>
    </message>
    <message>
        <source>cancel_reason: cancel needs --reason TEXT saying why</source>
        <translation>cancel_reason: cancel precisa de --reason TEXT dizendo o motivo</translation>
    </message>
    <message>
        <source>usage: fieldops-cli work-order create | update ID | cancel ID --reason TEXT</source>
        <translation>uso: fieldops-cli work-order create | update ID | cancel ID --reason TEXT</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version (a whole number from 1)</source>
        <translation>--version: &quot;%1&quot; não é uma versão (um número inteiro a partir de 1)</translation>
    </message>
    <message>
        <source>version: must be a whole number from 1</source>
        <translation>version: deve ser um número inteiro a partir de 1</translation>
    </message>
    <message>
        <source>version: %1 differs from --version %2</source>
        <translation>version: %1 difere de --version %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 updated (version %2)</source>
        <translation>%1 atualizada (versão %2)</translation>
    </message>
    <message>
        <source>%1 activated (version %2)</source>
        <translation>%1 ativada (versão %2)</translation>
    </message>
    <message>
        <source>%1 deactivated (version %2); its open episodes stay open</source>
        <translation>%1 desativada (versão %2); seus episódios abertos continuam abertos</translation>
    </message>
    <message>
        <source>update, deactivate, activate: the version the rule was read at; refused if it moved on.</source>
        <translation>update, deactivate, activate: a versão em que a regra foi lida; recusado se ela mudou.</translation>
    </message>
    <message>
        <source>create, update ID [FILE], deactivate ID, activate ID or list</source>
        <translation>create, update ID [FILE], deactivate ID, activate ID ou list</translation>
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
        <translation>Regras de condição sobre leituras de ativos.
  create   lê um objeto JSON da entrada padrão cujas chaves são as colunas de condition_rules
           (id opcional; asset_id ou asset_model; kind threshold|rate|usage|anomaly e seus
           parâmetros; task, work_order_type, required_skills, duration_min, priority, active)
           e imprime o novo id
  update ID [FILE|-]
           lê um objeto JSON com as mesmas chaves de FILE ou da entrada padrão: as chaves dadas
           substituem as da regra (null limpa uma opcional), as demais ficam; um novo kind
           descarta os parâmetros do kind anterior; verificado como create verifica; &quot;version&quot; (ou --version)
           é a versão lida, recusado se a regra mudou nesse meio-tempo
  deactivate ID, activate ID
           para ou retoma a avaliação da regra; os episódios que ela abriu ficam como estão
  list     todas as regras, uma por linha (--json: uma matriz de objetos com as mesmas chaves)</translation>
    </message>
    <message>
        <source>usage: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</source>
        <translation>uso: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</translation>
    </message>
    <message>
        <source>remove raw asset readings older than the retention, keeping their hourly sums ([--keep-days N] [--dry-run] [--json])</source>
        <translation>remove as leituras brutas de ativos mais antigas que a retenção, mantendo suas somas por hora ([--keep-days N] [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>condition rules on asset readings: create (one JSON object on stdin), update ID [FILE], deactivate ID, activate ID, list [--json]</source>
        <translation>regras de condição sobre leituras de ativos: create (um objeto JSON na entrada padrão), update ID [FILE], deactivate ID, activate ID, list [--json]</translation>
    </message>
    <message>
        <source>Keep the raw readings of the last N days (default %1, at least %2).</source>
        <translation>Manter as leituras brutas dos últimos N dias (padrão %1, no mínimo %2).</translation>
    </message>
    <message>
        <source>Report what would be removed; remove nothing.</source>
        <translation>Informar o que seria removido; não remover nada.</translation>
    </message>
    <message>
        <source>Remove the raw asset readings older than the retention. The hourly sums stay (charts and
anomaly baselines read them), and each asset keeps the last reading of each kind.
On PostgreSQL whole weeks go at once: a reading may stay up to a week longer.</source>
        <translation>Remove as leituras brutas de ativos mais antigas que a retenção. As somas por hora ficam (gráficos e
linhas de base de anomalia as leem), e cada ativo mantém a última leitura de cada tipo.
No PostgreSQL semanas inteiras saem de uma vez: uma leitura pode ficar até uma semana a mais.</translation>
    </message>
    <message>
        <source>prune-readings takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-readings não aceita argumentos além de suas opções (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--keep-days: %1 is too few; the asset health view draws a week of raw readings, keep at least %2</source>
        <translation>--keep-days: %1 é pouco; a visão de saúde dos ativos desenha uma semana de leituras brutas, mantenha pelo menos %2</translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 would be removed (dry run: nothing removed)</source>
        <translation>
            <numerusform>%n leitura bruta antes de %1 seria removida (simulação: nada removido)</numerusform>
            <numerusform>%n leituras brutas antes de %1 seriam removidas (simulação: nada removido)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 removed; their hourly sums kept</source>
        <translation>
            <numerusform>%n leitura bruta antes de %1 removida; suas somas por hora mantidas</numerusform>
            <numerusform>%n leituras brutas antes de %1 removidas; suas somas por hora mantidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Play the technicians&apos; phones: positions, en route / on site / completed, time entries and ratings, and the connected equipment&apos;s sensor readings, written live to the database.</source>
        <translation>Simula os celulares dos técnicos: posições, a caminho / no local / concluído, apontamentos de horas e avaliações, e as leituras dos sensores dos equipamentos conectados, gravados ao vivo no banco de dados.</translation>
    </message>
    <message>
        <source>simulated until %1: %2 positions, %3 departures, %4 arrivals, %5 completed (%6 unresolved), %7 time entries, %8 ratings, %9 sensor readings (%10 faults started on %11 connected units)</source>
        <translation>simulado até %1: %2 posições, %3 saídas, %4 chegadas, %5 concluídas (%6 não resolvidas), %7 apontamentos de horas, %8 avaliações, %9 leituras de sensores (%10 falhas iniciadas em %11 unidades conectadas)</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a whole number of minutes from %3 to %4</source>
        <translation>--%1: &quot;%2&quot; não é um número inteiro de minutos de %3 a %4</translation>
    </message>
    <message>
        <source>%1: %2 visits; inferred arrival for %3, departure for %4; %5 changed</source>
        <translation>%1: %2 visitas; chegada inferida para %3, saída para %4; %5 alteradas</translation>
    </message>
    <message>
        <source>No discrepancies between the status taps and the positions.
</source>
        <translation>Nenhuma divergência entre os status marcados e as posições.
</translation>
    </message>
    <message>
        <source>Discrepancies (%1):
</source>
        <translation>Divergências (%1):
</translation>
    </message>
    <message>
        <source>The day (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>O dia (AAAA-MM-DD, no fuso horário de cada técnico).</translation>
    </message>
    <message>
        <source>The geofence around each site, in metres (default %1; a fix&apos;s accuracy widens it).</source>
        <translation>A cerca geográfica em volta de cada local, em metros (padrão %1; a precisão de cada posição a amplia).</translation>
    </message>
    <message>
        <source>Minutes inside the fence that make a stay, and outside that end one (default %1).</source>
        <translation>Minutos dentro da cerca que formam uma permanência, e fora dela que a encerram (padrão %1).</translation>
    </message>
    <message>
        <source>Minutes without a fix that still continue a stay (default %1).</source>
        <translation>Minutos sem posição que ainda continuam uma permanência (padrão %1).</translation>
    </message>
    <message>
        <source>Minutes a tap may differ from the positions before it is listed (default 10).</source>
        <translation>Minutos que um status marcado pode diferir das posições antes de ser listado (padrão 10).</translation>
    </message>
    <message>
        <source>Only this technician (may be repeated).</source>
        <translation>Somente este técnico (pode ser repetido).</translation>
    </message>
    <message>
        <source>Infer and list; write nothing.</source>
        <translation>Inferir e listar; não gravar nada.</translation>
    </message>
    <message>
        <source>Infer each visit&apos;s arrival and departure from the technicians&apos; positions: the first fix of a
stay inside the site&apos;s geofence lasting the dwell, and the last fix inside before leaving for
longer. Keep them beside the status taps, and list the visits where the two disagree by more
than the tolerance or a status was never sent.</source>
        <translation>Inferir a chegada e a saída de cada visita a partir das posições dos técnicos: a primeira posição de
uma permanência dentro da cerca do local que dure o tempo mínimo, e a última posição dentro antes de
sair por mais tempo. Guardá-las ao lado dos status marcados e listar as visitas em que os dois
divergem além da tolerância ou em que um status nunca foi enviado.</translation>
    </message>
    <message>
        <source>infer-arrivals takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>infer-arrivals não aceita argumentos além das opções (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>infer-arrivals needs --date, e.g. fieldops-cli infer-arrivals --date 2026-03-02</source>
        <translation>infer-arrivals precisa de --date, por exemplo fieldops-cli infer-arrivals --date 2026-03-02</translation>
    </message>
    <message>
        <source>--radius: &quot;%1&quot; is not a number of metres from %2 to %3</source>
        <translation>--radius: &quot;%1&quot; não é um número de metros de %2 a %3</translation>
    </message>
    <message>
        <source>infer the visits&apos; arrival and departure from the technicians&apos; positions and list where the status taps disagree (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])</source>
        <translation>inferir a chegada e a saída das visitas a partir das posições dos técnicos e listar onde os status marcados divergem (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])</translation>
    </message>
    <message>
        <source>lapses: %1 on-site taps forgotten, %2 sent early from the road, %3 GPS gaps, %4 drifting fixes</source>
        <translation>falhas: %1 chegadas não marcadas, %2 marcadas cedo ainda na estrada, %3 lacunas de GPS, %4 posições com deriva</translation>
    </message>
    <message>
        <source>List the time entries of a period with their review state and flags (overlap, outside_visit,
gps_mismatch, no_comment). `time-entries approve ID…` approves pending entries as entered; `time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrects one (the audit log
keeps the values it replaces).</source>
        <translation>Lista os lançamentos de tempo de um período com o estado de revisão e os alertas (overlap, outside_visit,
gps_mismatch, no_comment). `time-entries approve ID…` aprova lançamentos pendentes como foram lançados; `time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrige um (o log de auditoria
guarda os valores substituídos).</translation>
    </message>
    <message>
        <source>Travel times from the OSRM routing service at URL (e.g. http://127.0.0.1:5000); straight-line times when it fails.</source>
        <translation>Tempos de deslocamento do serviço de rotas OSRM em URL (p. ex. http://127.0.0.1:5000); tempos em linha reta quando ele falha.</translation>
    </message>
    <message>
        <source>absorb a change of the day with the fewest moves, options with their cost (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])</source>
        <translation>absorver uma mudança do dia com o mínimo de movimentos, opções com seu custo (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])</translation>
    </message>
    <message>
        <source>the parts on hand per warehouse and technician&apos;s van, with their reorder points ([--location L] [--json])</source>
        <translation>as peças disponíveis por depósito e van de técnico, com seus pontos de reposição ([--location L] [--json])</translation>
    </message>
    <message>
        <source>the parts below their reorder point at each location, and by how much ([--json])</source>
        <translation>as peças abaixo do ponto de reposição em cada local, e quanto falta ([--json])</translation>
    </message>
    <message>
        <source>move stock of a part between warehouses and vans, refused when the source lacks it (--sku S --from L --to L --quantity Q [--json])</source>
        <translation>mover estoque de uma peça entre depósitos e vans, recusado quando falta na origem (--sku S --from L --to L --quantity Q [--json])</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is. The absence is recorded.
</source>
        <translation>Nada é deslocado: o dia absorve a mudança como está. A ausência foi registrada.
</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.
</source>
        <translation>Nada é deslocado: o dia absorve a mudança como está.
</translation>
    </message>
    <message>
        <source>Displaced: %1
</source>
        <translation>Deslocadas: %1
</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1
</source>
        <translation>Mantidas no lugar (travadas ou em andamento): %1
</translation>
    </message>
    <message>
        <source>%1. %2 — cost %3: %4 moved, %5 to the queue, %6 new, %7 min more travel, %8 min past SLA
</source>
        <translation>%1. %2 — custo %3: %4 movidas, %5 para a fila, %6 novas, %7 min a mais de deslocamento, %8 min após o SLA
</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>fila</translation>
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
        <translation>Opção %1 gravada.
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to write the first option, or --apply --option N).
</source>
        <translation>Nada gravado (adicione --apply para gravar a primeira opção, ou --apply --option N).
</translation>
    </message>
    <message>
        <source>The day to repair (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>O dia a reparar (AAAA-MM-DD, no fuso de cada técnico).</translation>
    </message>
    <message>
        <source>This technician is off for the rest of the day.</source>
        <translation>Este técnico está ausente pelo resto do dia.</translation>
    </message>
    <message>
        <source>With --absent: off from this instant (ISO 8601 with an offset or Z; default: the day&apos;s start).</source>
        <translation>Com --absent: ausente a partir deste instante (ISO 8601 com deslocamento ou Z; padrão: o início do dia).</translation>
    </message>
    <message>
        <source>This visit (appointment id) runs long.</source>
        <translation>Esta visita (id do agendamento) vai demorar mais.</translation>
    </message>
    <message>
        <source>With --overrun: by this many minutes.</source>
        <translation>Com --overrun: por esta quantidade de minutos.</translation>
    </message>
    <message>
        <source>This work order in the queue must go today.</source>
        <translation>Esta ordem de serviço da fila precisa ser atendida hoje.</translation>
    </message>
    <message>
        <source>Only this territory&apos;s technicians take visits.</source>
        <translation>Só os técnicos deste território recebem visitas.</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search for each option (decimal, default 0.5).</source>
        <translation>Segundos que o otimizador pode buscar por opção (decimal, padrão 0,5).</translation>
    </message>
    <message>
        <source>Print the options as one JSON object.</source>
        <translation>Imprimir as opções como um objeto JSON.</translation>
    </message>
    <message>
        <source>Write an option (the cheapest unless --option), in one transaction.</source>
        <translation>Gravar uma opção (a mais barata, salvo --option), em uma transação.</translation>
    </message>
    <message>
        <source>With --apply: the option&apos;s number as listed (1 is the cheapest).</source>
        <translation>Com --apply: o número da opção como listado (1 é a mais barata).</translation>
    </message>
    <message>
        <source>Propose the smallest changes that absorb a change of the day: a technician off sick (--absent),
a visit running long (--overrun with --minutes) or an urgent job (--urgent). Only the visits the
change displaces move; locked and started visits stay. Each option comes with its cost, cheapest
first, and every visit it proposes passes the rules `conflicts` checks. Without --apply nothing
is written.</source>
        <translation>Propõe as menores mudanças que absorvem uma mudança do dia: um técnico doente (--absent),
uma visita que demora mais (--overrun com --minutes) ou um serviço urgente (--urgent). Só as visitas
deslocadas pela mudança se movem; visitas travadas e iniciadas ficam. Cada opção vem com seu custo,
a mais barata primeiro, e toda visita proposta passa nas regras que `conflicts` verifica. Sem --apply
nada é gravado.</translation>
    </message>
    <message>
        <source>repair takes no arguments (got &quot;%1&quot;)</source>
        <translation>repair não recebe argumentos (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>repair needs --date, e.g. fieldops-cli repair --date 2026-03-02 --absent t7</source>
        <translation>repair precisa de --date, p. ex. fieldops-cli repair --date 2026-03-02 --absent t7</translation>
    </message>
    <message>
        <source>repair needs exactly one of --absent, --overrun and --urgent</source>
        <translation>repair precisa de exatamente um entre --absent, --overrun e --urgent</translation>
    </message>
    <message>
        <source>--absent needs a technician id</source>
        <translation>--absent precisa de um id de técnico</translation>
    </message>
    <message>
        <source>--from goes with --absent</source>
        <translation>--from acompanha --absent</translation>
    </message>
    <message>
        <source>--overrun needs --minutes, a whole number of minutes from 1 to 1440</source>
        <translation>--overrun precisa de --minutes, um número inteiro de minutos de 1 a 1440</translation>
    </message>
    <message>
        <source>--minutes goes with --overrun</source>
        <translation>--minutes acompanha --overrun</translation>
    </message>
    <message>
        <source>--option goes with --apply</source>
        <translation>--option acompanha --apply</translation>
    </message>
    <message>
        <source>--option: &quot;%1&quot; is not an option number (1, 2, …)</source>
        <translation>--option: &quot;%1&quot; não é um número de opção (1, 2, …)</translation>
    </message>
    <message>
        <source>--option %1: there are only %2 options</source>
        <translation>--option %1: há apenas %2 opções</translation>
    </message>
    <message>
        <source>%1 takes no arguments besides its options (got &quot;%2&quot;)</source>
        <translation>%1 não recebe argumentos além das opções (recebeu &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Only this location (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>Só este local (warehouse:NOME ou van:TÉCNICO).</translation>
    </message>
    <message>
        <source>Print the stock as one JSON object.</source>
        <translation>Imprimir o estoque como um objeto JSON.</translation>
    </message>
    <message>
        <source>--location: &quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>--location: &quot;%1&quot; não é um local: escreva warehouse:NOME ou van:TÉCNICO</translation>
    </message>
    <message>
        <source>No stock anywhere.</source>
        <translation>Nenhum estoque em lugar algum.</translation>
    </message>
    <message>
        <source>No stock at %1.</source>
        <translation>Nenhum estoque em %1.</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>LOCAL</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>QUANTITY</source>
        <translation>QUANTIDADE</translation>
    </message>
    <message>
        <source>MINIMUM</source>
        <translation>MÍNIMO</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Print the list as one JSON object.</source>
        <translation>Imprimir a lista como um objeto JSON.</translation>
    </message>
    <message>
        <source>Nothing is below its reorder point.</source>
        <translation>Nada está abaixo do ponto de reposição.</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>FALTA</translation>
    </message>
    <message>
        <source>The part to move.</source>
        <translation>A peça a mover.</translation>
    </message>
    <message>
        <source>Where it is taken from (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>De onde sai (warehouse:NOME ou van:TÉCNICO).</translation>
    </message>
    <message>
        <source>Where it goes (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>Para onde vai (warehouse:NOME ou van:TÉCNICO).</translation>
    </message>
    <message>
        <source>How many (more than 0).</source>
        <translation>Quantas (mais que 0).</translation>
    </message>
    <message>
        <source>Print the transfer as one JSON object.</source>
        <translation>Imprimir a transferência como um objeto JSON.</translation>
    </message>
    <message>
        <source>Move stock of a part from one location to another: both locations and the transfer&apos;s record
are written together, or nothing when the source holds fewer than the quantity.</source>
        <translation>Move estoque de uma peça de um local para outro: os dois locais e o registro da transferência
são gravados juntos, ou nada quando a origem tem menos que a quantidade.</translation>
    </message>
    <message>
        <source>transfer needs --%1, e.g. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</source>
        <translation>transfer precisa de --%1, p. ex. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</translation>
    </message>
    <message>
        <source>--quantity: &quot;%1&quot; is not a number greater than 0</source>
        <translation>--quantity: &quot;%1&quot; não é um número maior que 0</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>Movidas %1 × %2 de %3 para %4: restam %5 lá, %6 agora em %4.</translation>
    </message>
    <message>
        <source>The month to predict (UTC); the model learns from the visits before it.</source>
        <translation>O mês a prever (UTC); o modelo aprende com as visitas anteriores a ele.</translation>
    </message>
    <message>
        <source>Print the report as one JSON object.</source>
        <translation>Imprime o relatório como um objeto JSON.</translation>
    </message>
    <message>
        <source>How well the predicted durations of visits would have done: learns from the completed visits
before the month, predicts each completed visit of the month (time on site, arrival to
completion) and prints the mean absolute error in minutes and the share of actual
durations inside the predicted interval, beside the work orders&apos; own estimates.</source>
        <translation>Quão bem as durações previstas das visitas teriam acertado: aprende com as visitas concluídas
antes do mês, prevê cada visita concluída do mês (tempo no local, da chegada à
conclusão) e imprime o erro absoluto médio em minutos e a parcela das durações
reais dentro do intervalo previsto, ao lado das estimativas das próprias ordens de serviço.</translation>
    </message>
    <message>
        <source>durations takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>durations não aceita argumentos além das opções (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--holdout-month is required (a month such as 2026-05)</source>
        <translation>--holdout-month é obrigatório (um mês como 2026-05)</translation>
    </message>
    <message>
        <source>--holdout-month needs a month YYYY-MM such as 2026-05 (got &quot;%1&quot;)</source>
        <translation>--holdout-month precisa de um mês AAAA-MM como 2026-05 (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Held-out month %1 (UTC). Completed visits before it, learnt from: %2; in it, predicted: %3.</source>
        <translation>Mês reservado %1 (UTC). Visitas concluídas antes dele, usadas no aprendizado: %2; nele, previstas: %3.</translation>
    </message>
    <message>
        <source>No completed visit began in %1: nothing to measure.</source>
        <translation>Nenhuma visita concluída começou em %1: nada a medir.</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURAÇÃO</translation>
    </message>
    <message>
        <source>MAE (MIN)</source>
        <translation>EAM (MIN)</translation>
    </message>
    <message>
        <source>INSIDE INTERVAL</source>
        <translation>DENTRO DO INTERVALO</translation>
    </message>
    <message>
        <source>MEAN WIDTH (MIN)</source>
        <translation>LARGURA MÉDIA (MIN)</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>prevista</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimativa</translation>
    </message>
    <message>
        <source>Predicted from history: %1; took the estimate (fewer than %3 earlier visits of their type): %2.</source>
        <translation>Previstas pelo histórico: %1; ficaram com a estimativa (menos de %3 visitas anteriores do tipo): %2.</translation>
    </message>
    <message>
        <source>how well predicted visit durations do on a month they never saw, beside the plain estimates (--holdout-month YYYY-MM [--json])</source>
        <translation>quão bem as durações previstas das visitas acertam num mês que não viram, ao lado das estimativas simples (--holdout-month AAAA-MM [--json])</translation>
    </message>
    <message>
        <source>the travel speed factor each territory&apos;s recorded drives teach, and whether planning uses it ([--date D] [--json])</source>
        <translation>o fator de velocidade de deslocamento que os trajetos registrados de cada território ensinam, e se o planejamento o usa ([--date D] [--json])</translation>
    </message>
    <message>
        <source>Drives of the visits from %1 to %2; a factor needs %3 legs.
</source>
        <translation>Trajetos das visitas de %1 a %2; um fator precisa de %3 trechos.
</translation>
    </message>
    <message>
        <source>No territories.
</source>
        <translation>Nenhum território.
</translation>
    </message>
    <message>
        <source>TERRITORY</source>
        <translation>TERRITÓRIO</translation>
    </message>
    <message>
        <source>LEGS</source>
        <translation>TRECHOS</translation>
    </message>
    <message>
        <source>SET ASIDE</source>
        <translation>DESCARTADOS</translation>
    </message>
    <message>
        <source>FACTOR</source>
        <translation>FATOR</translation>
    </message>
    <message>
        <source>PLANNING</source>
        <translation>PLANEJAMENTO</translation>
    </message>
    <message>
        <source>The day planned (YYYY-MM-DD, default today): what the %1 days before it teach.</source>
        <translation>O dia planejado (AAAA-MM-DD, padrão hoje): o que os %1 dias anteriores ensinam.</translation>
    </message>
    <message>
        <source>Print the factors as one JSON object.</source>
        <translation>Imprime os fatores como um objeto JSON.</translation>
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
        <translation>Quanto mais devagar que o modelo em linha reta os técnicos realmente dirigem, por território:
a mediana de trajeto ÷ modelo nos trechos entre duas visitas concluídas de um técnico num
mesmo dia com a saída e a chegada registradas (toques, senão os horários inferidos das
posições do celular), cada um contado no território do local de destino. Um trecho que o
modelo põe abaixo de %1 minutos, um que não é posterior à saída e um mais longo que %2 × o
modelo + %3 minutos (uma espera no caminho) são descartados. Com %4 trechos ou mais o fator
(mantido em [%5, %6]) escala os tempos de deslocamento de suggest, optimize e repair sem
--osrm, nunca abaixo do modelo, que as verificações de regras de `conflicts` mantêm.</translation>
    </message>
    <message>
        <source>travel-speeds takes no arguments (got &quot;%1&quot;)</source>
        <translation>travel-speeds não aceita argumentos (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Take in the field gateway&apos;s events (position, status, outcome, time_entry, part_used, rating, reading, delivered, read), one JSON object per line, all or none. The first bad line is reported as FILE:LINE: key: reason and nothing is written.</source>
        <translation>Recebe os eventos do gateway de campo (position, status, outcome, time_entry, part_used, rating, reading, delivered, read), um objeto JSON por linha, todos ou nenhum. A primeira linha inválida é informada como ARQUIVO:LINHA: chave: motivo e nada é gravado.</translation>
    </message>
    <message>
        <source>remove the technicians&apos; outbox notices read more than N days ago (--older-than-days N [--json])</source>
        <translation>remove os avisos da caixa de saída dos técnicos lidos há mais de N dias (--older-than-days N [--json])</translation>
    </message>
    <message numerus="yes">
        <source>Booked visits moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</source>
        <translation>
            <numerusform>Visita agendada movida: %n; deslocamento do dia dos técnicos envolvidos: %1 min, antes %2 min.
</numerusform>
            <numerusform>Visitas agendadas movidas: %n; deslocamento do dia dos técnicos envolvidos: %1 min, antes %2 min.
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
        <translation>Replaneja o dia inteiro: visitas já agendadas que não estão bloqueadas nem iniciadas podem ir
para outro horário ou técnico (listadas em &quot;moves&quot;).</translation>
    </message>
    <message>
        <source>Plan a day for the open work orders nobody is booked for. Visits already booked stay where they
are (with --move-booked those neither locked nor started may move); every new or moved visit passes the rules `conflicts` checks (overlap, travel, shift, absence, skill,
window), and what cannot be placed is listed as unassigned. Without --apply nothing is written.</source>
        <translation>Planeja um dia para as ordens de serviço abertas sem ninguém agendado. As visitas já agendadas ficam onde
estão (com --move-booked, as não bloqueadas nem iniciadas podem mudar); toda visita nova ou movida passa pelas regras que `conflicts` verifica (sobreposição, deslocamento, turno, ausência, habilidade,
janela), e o que não puder ser alocado é listado como não atribuído. Sem --apply nada é gravado.</translation>
    </message>
    <message>
        <source>Remove the notices read more than N days ago (N a whole number greater than 0).</source>
        <translation>Remove os avisos lidos há mais de N dias (N um número inteiro maior que 0).</translation>
    </message>
    <message>
        <source>Print {&quot;removed&quot;:N}.</source>
        <translation>Imprime {&quot;removed&quot;:N}.</translation>
    </message>
    <message>
        <source>Remove the technicians&apos; outbox notices read more than N days ago. Notices not delivered
or not read yet stay, however old.</source>
        <translation>Remove os avisos da caixa de saída dos técnicos lidos há mais de N dias. Avisos ainda não entregues
ou não lidos ficam, por mais antigos que sejam.</translation>
    </message>
    <message>
        <source>prune-outbox takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-outbox não aceita argumentos além das suas opções (recebeu &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--older-than-days: a number of days is required, e.g. --older-than-days 30</source>
        <translation>--older-than-days: é preciso um número de dias, p. ex. --older-than-days 30</translation>
    </message>
    <message>
        <source>--older-than-days: &quot;%1&quot; must be a whole number greater than 0</source>
        <translation>--older-than-days: &quot;%1&quot; deve ser um número inteiro maior que 0</translation>
    </message>
    <message numerus="yes">
        <source>%n outbox row(s) removed</source>
        <translation>
            <numerusform>%n linha da caixa de saída removida</numerusform>
            <numerusform>%n linhas da caixa de saída removidas</numerusform>
        </translation>
    </message>
    <message>
        <source>outbox: %1 notices delivered, %2 read</source>
        <translation>caixa de saída: %1 avisos entregues, %2 lidos</translation>
    </message>
    <message>
        <source>The parts on hand at every warehouse and technician&apos;s van (van:TECHNICIAN), what of them is
reserved for work orders still to be done, what is available, and each part&apos;s reorder point there.</source>
        <translation>As peças em estoque em cada almoxarifado e van de técnico (van:TÉCNICO), quanto delas está
reservado para ordens de serviço ainda por fazer, quanto está disponível e o ponto de reposição de cada peça ali.</translation>
    </message>
    <message>
        <source>RESERVED</source>
        <translation>RESERVADO</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>DISPONÍVEL</translation>
    </message>
    <message>
        <source>The parts whose available quantity (on hand less reserved) is below their reorder point at each
location, with how many are missing to reach it.</source>
        <translation>As peças cuja quantidade disponível (em estoque menos reservado) está abaixo do ponto de reposição em cada
local, com quantas faltam para alcançá-lo.</translation>
    </message>
    <message>
        <source>dispatcher, planner, manager, admin or field (the field gateway&apos;s login)</source>
        <translation>dispatcher, planner, manager, admin ou field (o login do gateway de campo)</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>Geração cancelada; nada foi gravado.</translation>
    </message>
</context>
<context>
    <name>fieldops::AlertListModel</name>
    <message>
        <source>%1 days</source>
        <translation>%1 dias</translation>
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
            <numerusform>%1 com atraso previsto de %n min para %2 · começa %3, chega por volta de %4</numerusform>
            <numerusform>%1 com atraso previsto de %n min para %2 · começa %3, chega por volta de %4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (P%2) SLA breached %3 ago · %4</source>
        <translation>%1 (P%2) SLA violado há %3 · %4</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA due in %3 · %4</source>
        <translation>%1 (P%2) SLA vence em %3 · %4</translation>
    </message>
    <message>
        <source>%1 late: %2 not on site, start was %3 ago · %4</source>
        <translation>%1 atrasado: %2 não está no local, início foi há %3 · %4</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA at risk: the plan ends after it falls due in %3 · %4</source>
        <translation>%1 (P%2) SLA em risco: o plano termina depois do vencimento em %3 · %4</translation>
    </message>
    <message>
        <source>%1: %2 on site by GPS for %3, no on-site status sent · %4</source>
        <translation>%1: %2 no local pelo GPS há %3, nenhum status de chegada enviado · %4</translation>
    </message>
    <message>
        <source>%1 overrunning: %2 on site %3 past the planned length · %4</source>
        <translation>%1 estourando: %2 no local %3 além da duração planejada · %4</translation>
    </message>
    <message>
        <source>%1 left unresolved by %2 %3 ago, no return visit booked · %4</source>
        <translation>%1 deixada sem solução por %2 há %3, sem visita de retorno agendada · %4</translation>
    </message>
    <message>
        <source>%1 on shift, no position for %2</source>
        <translation>%1 em turno, sem posição há %2</translation>
    </message>
</context>
<context>
    <name>fieldops::AuditHistoryModel</name>
    <message>
        <source>work order</source>
        <translation>ordem de serviço</translation>
    </message>
    <message>
        <source>visit %1</source>
        <translation>visita %1</translation>
    </message>
    <message>
        <source>required skill %1</source>
        <translation>habilidade exigida %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Depois</translation>
    </message>
</context>
<context>
    <name>fieldops::BoardEditor</name>
    <message>
        <source>Refused: %1 is inactive and takes no new visits (reactivate them in Technicians first)</source>
        <translation>Recusado: %1 está inativo e não recebe novas visitas (reative-o primeiro em Técnicos)</translation>
    </message>
    <message>
        <source>Choose two booked visits to swap.</source>
        <translation>Escolha duas visitas agendadas para trocar.</translation>
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
        <translation>todos os territórios</translation>
    </message>
    <message>
        <source>%1 (%2 – %3), %4</source>
        <translation>%1 (%2 – %3), %4</translation>
    </message>
    <message numerus="yes">
        <source>New preventive work: %1 h in %n visit(s)</source>
        <translation>
            <numerusform>Novo trabalho preventivo: %1 h em %n visita</numerusform>
            <numerusform>Novo trabalho preventivo: %1 h em %n visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free: %1 h of %n technician(s) holding the skills, after absences and bookings</source>
        <translation>
            <numerusform>Livre: %1 h de %n técnico com as habilidades, após ausências e agendamentos</numerusform>
            <numerusform>Livre: %1 h de %n técnicos com as habilidades, após ausências e agendamentos</numerusform>
        </translation>
    </message>
    <message>
        <source>Already booked: %1 h</source>
        <translation>Já agendado: %1 h</translation>
    </message>
    <message>
        <source>At least one territory is overloaded this week.</source>
        <translation>Pelo menos um território está sobrecarregado nesta semana.</translation>
    </message>
    <message>
        <source>Overloaded: more work than free hours.</source>
        <translation>Sobrecarregado: mais trabalho do que horas livres.</translation>
    </message>
    <message>
        <source>After levelling: %1</source>
        <translation>Após o nivelamento: %1</translation>
    </message>
    <message>
        <source>Before levelling: %1</source>
        <translation>Antes do nivelamento: %1</translation>
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
        <translation>(sem território)</translation>
    </message>
</context>
<context>
    <name>fieldops::ConsoleSession</name>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>o banco de dados tem a versão de esquema %1, mais nova do que este console entende (%2); atualize o FieldOps</translation>
    </message>
    <message>
        <source>the connection to the database was lost</source>
        <translation>a conexão com o banco de dados foi perdida</translation>
    </message>
</context>
<context>
    <name>fieldops::DayPlanProposalModel</name>
    <message>
        <source>Travel %1 min → %2 min</source>
        <translation>Deslocamento %1 min → %2 min</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
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
        <translation>Id</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Território</translation>
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
        <translation>A média puxada em direção à média geral por cinco avaliações imaginárias: poucas avaliações não chegam ao topo da lista</translation>
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
        <translation>Avaliações</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Ranking score</source>
        <translation>Pontuação de classificação</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiRatingListModel</name>
    <message>
        <source>Rated</source>
        <translation>Avaliada em</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiVisitsModel</name>
    <message>
        <source>on time</source>
        <translation>no horário</translation>
    </message>
    <message>
        <source>late</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Chegada</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>No horário</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolvida</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Avaliação</translation>
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
        <translation>Início</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Deslocamento</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontuação</translation>
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
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Atividade</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Faturável</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
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
        <translation>Desativados</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativos</translation>
    </message>
    <message>
        <source>You are connected as %1</source>
        <translation>Você está conectado como %1</translation>
    </message>
    <message>
        <source>Not limited to any territory</source>
        <translation>Sem limite de território</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>Territórios</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>fieldops::UserService</name>
    <message>
        <source>not connected to a database</source>
        <translation>não conectado a um banco de dados</translation>
    </message>
    <message>
        <source>the change was saved, but the list could not be read again: %1</source>
        <translation>a alteração foi salva, mas não foi possível ler a lista novamente: %1</translation>
    </message>
    <message>
        <source>%1 was added as %2</source>
        <translation>%1 foi adicionado como %2</translation>
    </message>
    <message>
        <source>%1&apos;s role is now %2</source>
        <translation>o papel de %1 agora é %2</translation>
    </message>
    <message>
        <source>%1 now works in every territory</source>
        <translation>%1 agora trabalha em todos os territórios</translation>
    </message>
    <message>
        <source>%1 is now limited to %2</source>
        <translation>%1 agora está limitado a %2</translation>
    </message>
    <message>
        <source>%1 may log in again</source>
        <translation>%1 pode entrar novamente</translation>
    </message>
    <message>
        <source>%1 may no longer log in</source>
        <translation>%1 não pode mais entrar</translation>
    </message>
</context>
<context>
    <name>fieldops::WorkOrderTableModel</name>
    <message>
        <source>Open</source>
        <extracomment>Work-order status: not finished yet (adjective), not the verb &quot;open a file&quot;.</extracomment>
        <translation>Aberta</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalação</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>Corretiva</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>Preventiva</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspeção</translation>
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
        <translation>4 Baixa</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>Início da janela</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>prazo do SLA</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
</context>
<context>
    <name>fieldops::board::ConflictListModel</name>
    <message>
        <source>Double booking</source>
        <translation>Agendamento duplo</translation>
    </message>
    <message>
        <source>Travel</source>
        <extracomment>Conflict kind: too little travel time between two visits.</extracomment>
        <translation>Deslocamento</translation>
    </message>
    <message>
        <source>Outside shift</source>
        <translation>Fora do turno</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Ausência</translation>
    </message>
    <message>
        <source>Missing skill</source>
        <translation>Habilidade ausente</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Janela de horário</translation>
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
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalhe</translation>
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
        <translation>Regras de condição: avaliando…</translation>
    </message>
    <message>
        <source>Condition rules evaluated by this console</source>
        <translation>Regras de condição avaliadas por este console</translation>
    </message>
    <message>
        <source>Condition rules evaluated by another console</source>
        <translation>Regras de condição avaliadas por outro console</translation>
    </message>
    <message>
        <source>Condition rules: evaluation failed</source>
        <translation>Regras de condição: falha na avaliação</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s).</source>
        <translation>
            <numerusform>A cada %n minuto.</numerusform>
            <numerusform>A cada %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Condition rules are not evaluated by this console (not connected, or this user may not open work orders).</source>
        <translation>As regras de condição não são avaliadas por este console (sem conexão, ou este usuário não pode abrir ordens de serviço).</translation>
    </message>
    <message>
        <source>The first evaluation of the condition rules is under way.</source>
        <translation>A primeira avaliação das regras de condição está em andamento.</translation>
    </message>
    <message numerus="yes">
        <source>Last evaluated %1 (UTC): %n rule(s)</source>
        <translation>
            <numerusform>Última avaliação em %1 (UTC): %n regra</numerusform>
            <numerusform>Última avaliação em %1 (UTC): %n regras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) opened</source>
        <translation>
            <numerusform>%n ordem de serviço aberta</numerusform>
            <numerusform>%n ordens de serviço abertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s) still breached</source>
        <translation>
            <numerusform>%n episódio ainda em violação</numerusform>
            <numerusform>%n episódios ainda em violação</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleared.</source>
        <translation>
            <numerusform>%n encerrado.</numerusform>
            <numerusform>%n encerrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last evaluation of the condition rules failed: %1</source>
        <translation>A última avaliação das regras de condição falhou: %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>outro console</translation>
    </message>
    <message>
        <source>Another console holds the evaluation&apos;s lease: %1. This console takes over when it lets go, or once it has not evaluated for twice the interval.</source>
        <translation>Outro console detém a concessão da avaliação: %1. Este console assume quando ele a liberar, ou quando ele não avaliar por duas vezes o intervalo.</translation>
    </message>
</context>
<context>
    <name>fieldops::contracts::ContractListModel</name>
    <message>
        <source>Starts %1</source>
        <translation>Começa %1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Encerrado</translation>
    </message>
    <message>
        <source>Ended, renewed by %1</source>
        <translation>Encerrado, renovado por %1</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Termina em %n dia</numerusform>
            <numerusform>Termina em %n dias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s), renewed</source>
        <translation>
            <numerusform>Termina em %n dia, renovado</numerusform>
            <numerusform>Termina em %n dias, renovado</numerusform>
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
        <translation>Nome</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::AlertsController</name>
    <message>
        <source>&amp;Alert thresholds…</source>
        <translation>Limites de &amp;alerta…</translation>
    </message>
    <message>
        <source>When an SLA is due soon, a visit late or overrunning, a technician silent: the same for every console</source>
        <translation>Quando um SLA vence em breve, uma visita está atrasada ou estourando, um técnico está em silêncio: o mesmo para todos os consoles</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>Dispensar alerta</translation>
    </message>
    <message>
        <source>%1

Why is this alert dismissed? Every console stops showing it.</source>
        <translation>%1

Por que este alerta é dispensado? Nenhum console o mostrará mais.</translation>
    </message>
    <message>
        <source>Only managers and administrators change the alert thresholds.</source>
        <translation>Somente gerentes e administradores alteram os limites de alerta.</translation>
    </message>
    <message>
        <source>Change alert thresholds</source>
        <translation>Alterar limites de alerta</translation>
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
        <translation>Conectar a um arquivo SQLite ou a um servidor PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Abrir outro banco de dados…</translation>
    </message>
    <message>
        <source>Open the demo, a server or a database file, and start with it next time</source>
        <translation>Abrir a demonstração, um servidor ou um arquivo de banco de dados, e começar com ele da próxima vez</translation>
    </message>
    <message>
        <source>What your database role may change. The server enforces it; the console only hides what would be refused.</source>
        <translation>O que o seu papel no banco de dados pode alterar. O servidor impõe isso; o console apenas oculta o que seria recusado.</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>Demonstração do FieldOps</translation>
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
        <translation>Sem esquema</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Somente leitura</translation>
    </message>
    <message>
        <source>Disconnected, showing last data</source>
        <translation>Desconectado, mostrando os últimos dados</translation>
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
        <translation>Usuário: %1</translation>
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
        <translation>Inicializar o banco de dados?</translation>
    </message>
    <message>
        <source>%1 has no FieldOps schema yet.

Create the tables now? Nothing else in the database is changed.</source>
        <translation>%1 ainda não tem esquema do FieldOps.

Criar as tabelas agora? Nada mais no banco de dados é alterado.</translation>
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
        <translation>programação</translation>
    </message>
    <message>
        <source>work orders</source>
        <translation>ordens de serviço</translation>
    </message>
    <message>
        <source>absences</source>
        <translation>ausências</translation>
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
        <translation>metas de KPI</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Somente visualização</translation>
    </message>
    <message>
        <source>May edit: %1</source>
        <translation>Pode editar: %1</translation>
    </message>
    <message>
        <source> · manages users</source>
        <translation> · gerencia usuários</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Atualizado %1</translation>
    </message>
    <message>
        <source>time entries</source>
        <translation>lançamentos de tempo</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ConnectionDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation>Conectar a um banco de dados</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(nova conexão)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Lembrar a senha no chaveiro do sistema</translation>
    </message>
    <message>
        <source>This build has no keychain support: passwords are never stored.</source>
        <translation>Esta versão não tem suporte a chaveiro: as senhas nunca são armazenadas.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testar conexão</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Recentes:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>connected; the database has no FieldOps schema yet (it can be initialised after connecting)</source>
        <translation>conectado; o banco de dados ainda não tem esquema do FieldOps (ele pode ser inicializado após a conexão)</translation>
    </message>
    <message>
        <source>connected; schema version %1 will be upgraded to %2</source>
        <translation>conectado; a versão de esquema %1 será atualizada para %2</translation>
    </message>
    <message>
        <source>connected; schema version %1</source>
        <translation>conectado; versão de esquema %1</translation>
    </message>
    <message>
        <source>, read-only for %1</source>
        <translation>, somente leitura para %1</translation>
    </message>
    <message>
        <source>, writable as %1</source>
        <translation>, gravável como %1</translation>
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
        <translation>Criar %1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Editar %1 %2</translation>
    </message>
    <message>
        <source>The renewal was not saved: %1</source>
        <translation>A renovação não foi salva: %1</translation>
    </message>
    <message>
        <source>Renew contract %1 as %2</source>
        <translation>Renovar o contrato %1 como %2</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::CustomersTabController</name>
    <message>
        <source>New %1 %2</source>
        <translation>Criar %1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Editar %1 %2</translation>
    </message>
    <message>
        <source>Remove contact %1</source>
        <translation>Remover o contato %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::DockController</name>
    <message>
        <source>Unassigned queue</source>
        <translation>Fila não atribuída</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspetor</translation>
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
        <translation>A ordem de serviço %1 não tem marcador no mapa (encerrada ou oculta pelo filtro do mapa).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Ferramentas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About FieldOps Console</source>
        <translation>&amp;Sobre o FieldOps Console</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>About FieldOps Console</source>
        <translation>Sobre o FieldOps Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;A dispatcher console for field-service operations: work orders, the unassigned queue, technicians&apos; schedules, SLAs and KPIs, on a SQLite file or a shared PostgreSQL server.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;Um console de despacho para operações de serviços de campo: ordens de serviço, a fila não atribuída, a programação dos técnicos, SLAs e KPIs, em um arquivo SQLite ou em um servidor PostgreSQL compartilhado.&lt;/p&gt;&lt;p&gt;Desenvolvido com Qt %2.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Message sent to %n technician(s).</source>
        <translation>
            <numerusform>Mensagem enviada a %n técnico.</numerusform>
            <numerusform>Mensagem enviada a %n técnicos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MapAssignController</name>
    <message>
        <source>Assign from the map</source>
        <translation>Atribuir pelo mapa</translation>
    </message>
    <message>
        <source>Assign %1 to %2 at their next free slot:
%3 – %4</source>
        <translation>Atribuir %1 a %2 no próximo horário livre:
%3 – %4</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Nenhum conflito.</translation>
    </message>
    <message>
        <source>Not connected for editing: the assignment was not made.</source>
        <translation>Sem conexão para edição: a atribuição não foi feita.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MessageController</name>
    <message>
        <source>&amp;Message technicians…</source>
        <translation>&amp;Mensagem aos técnicos…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Send a text to technicians&apos; phones (Ctrl+M)</source>
        <translation>Enviar um texto aos telefones dos técnicos (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::OptimizeController</name>
    <message>
        <source>Optimize day</source>
        <translation>Otimizar dia</translation>
    </message>
    <message>
        <source>&amp;Optimize day…</source>
        <translation>&amp;Otimizar dia…</translation>
    </message>
    <message>
        <source>Plan the day&apos;s unassigned work orders and preview the result on the board (Ctrl+Shift+P).</source>
        <translation>Planejar as ordens de serviço não atribuídas do dia e visualizar o resultado no quadro (Ctrl+Shift+P).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lendo %1…</translation>
    </message>
    <message>
        <source>Optimizing %1…</source>
        <translation>Otimizando %1…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was proposed.</source>
        <translation>Cancelado: nada foi proposto.</translation>
    </message>
    <message>
        <source>Optimize %1</source>
        <translation>Otimizar %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book the proposal.</source>
        <translation>Abra a aba Programação para agendar a proposta.</translation>
    </message>
    <message>
        <source>Read only: the proposal was not booked.</source>
        <translation>Somente leitura: a proposta não foi agendada.</translation>
    </message>
    <message>
        <source>The proposal for %1 is stale: nothing was booked.</source>
        <translation>A proposta para %1 está desatualizada: nada foi agendado.</translation>
    </message>
    <message>
        <source>%1 The proposal is stale: Solve again to plan the day as it is now.</source>
        <translation>%1 A proposta está desatualizada: clique em Resolver novamente para planejar o dia como ele está agora.</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n visit(s). Undo (Ctrl+Z) takes them all back.</source>
        <translation>
            <numerusform>%n visita agendada. Desfazer (Ctrl+Z) desfaz todas.</numerusform>
            <numerusform>%n visitas agendadas. Desfazer (Ctrl+Z) desfaz todas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n proposed visit(s) for %1.</source>
        <translation>
            <numerusform>%n visita proposta agendada para %1.</numerusform>
            <numerusform>%n visitas propostas agendadas para %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal discarded: nothing was booked.</source>
        <translation>Proposta descartada: nada foi agendado.</translation>
    </message>
    <message>
        <source>The schedule changed since this proposal was made: it is stale and cannot be accepted. Solve again to plan the day as it is now.</source>
        <translation>A programação mudou desde que esta proposta foi feita: ela está desatualizada e não pode ser aceita. Clique em Resolver novamente para planejar o dia como ele está agora.</translation>
    </message>
    <message numerus="yes">
        <source>Re-plan %1: %n new visit(s), %2 moved</source>
        <translation>
            <numerusform>Replanejar %1: %n visita nova, %2 movidas</numerusform>
            <numerusform>Replanejar %1: %n visitas novas, %2 movidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n new visit(s) and moved %1. Undo (Ctrl+Z) takes it all back.</source>
        <translation>
            <numerusform>%n visita nova agendada e %1 movidas. Desfazer (Ctrl+Z) reverte tudo.</numerusform>
            <numerusform>%n visitas novas agendadas e %1 movidas. Desfazer (Ctrl+Z) reverte tudo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-planned %1: %n new visit(s), %2 moved.</source>
        <translation>
            <numerusform>%1 replanejado: %n visita nova, %2 movidas.</numerusform>
            <numerusform>%1 replanejado: %n visitas novas, %2 movidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed&lt;br&gt;%2&lt;br&gt;Not booked yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · proposta&lt;br&gt;%2&lt;br&gt;Ainda não agendada: Aceitar ou Descartar no painel Otimizar dia.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed move&lt;br&gt;from %2, %3&lt;br&gt;to %4&lt;br&gt;Not moved yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · mudança proposta&lt;br&gt;de %2, %3&lt;br&gt;para %4&lt;br&gt;Ainda não movida: Aceitar ou Descartar no painel Otimizar dia.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::PartsTabController</name>
    <message>
        <source>&amp;Transfer stock…</source>
        <translation>&amp;Transferir estoque…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans (Ctrl+Shift+T)</source>
        <translation>Mover estoque entre almoxarifados e vans (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Peças</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Não conectado a um banco de dados.</translation>
    </message>
    <message>
        <source>Your role may read the stock but not change it; dispatchers, planners and administrators move stock.</source>
        <translation>Seu papel pode ler o estoque, mas não alterá-lo; despachantes, planejadores e administradores movem estoque.</translation>
    </message>
    <message>
        <source>Your role may move stock but not change reorder points; planners and administrators do.</source>
        <translation>Seu papel pode mover estoque, mas não alterar pontos de reposição; planejadores e administradores podem.</translation>
    </message>
    <message>
        <source>Your role may change reorder points but not move stock; dispatchers, planners and administrators do.</source>
        <translation>Seu papel pode alterar pontos de reposição, mas não mover estoque; despachantes, planejadores e administradores podem.</translation>
    </message>
    <message>
        <source>Reorder point of %1 at %2: %3 → %4</source>
        <translation>Ponto de reposição de %1 em %2: %3 → %4</translation>
    </message>
    <message>
        <source>Move %1 × %2 from %3 to %4</source>
        <translation>Mover %1 × %2 de %3 para %4</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>Movido %1 × %2 de %3 para %4: restam %5 lá, %6 agora em %4.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::RepairController</name>
    <message>
        <source>Make room for the &amp;urgent job…</source>
        <translation>Abrir espaço para o serviço &amp;urgente…</translation>
    </message>
    <message>
        <source>Book the selected work order on the board&apos;s day, bumping a lower-priority visit if nothing is free (Ctrl+Shift+U).</source>
        <translation>Agenda a ordem de serviço selecionada no dia do quadro, desalojando uma visita de menor prioridade se nada estiver livre (Ctrl+Shift+U).</translation>
    </message>
    <message>
        <source>Select the urgent work order in the queue first.</source>
        <translation>Selecione primeiro a ordem de serviço urgente na fila.</translation>
    </message>
    <message>
        <source>Technician off sick</source>
        <translation>Técnico doente</translation>
    </message>
    <message>
        <source>Visit runs long</source>
        <translation>Visita demora mais</translation>
    </message>
    <message>
        <source>The visit will end this many minutes late:</source>
        <translation>A visita terminará com este atraso em minutos:</translation>
    </message>
    <message>
        <source>Make room for the urgent job</source>
        <translation>Abrir espaço para o serviço urgente</translation>
    </message>
    <message>
        <source>Open the schedule to repair its day.</source>
        <translation>Abra a agenda para reparar o dia.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Working out the options…</source>
        <translation>Calculando as opções…</translation>
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
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Exibição</translation>
    </message>
    <message>
        <source>Condition rules</source>
        <translation>Regras de condição</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Rotas</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::StoryController</name>
    <message>
        <source>Work order &amp;story…</source>
        <translation>&amp;História da ordem de serviço…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The selected work order&apos;s visits, time, parts, ratings and notices in a window of its own, to read, print or export</source>
        <translation>As visitas, o tempo, as peças, as avaliações e os avisos da ordem de serviço selecionada numa janela própria, para ler, imprimir ou exportar</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::SuggestionController</name>
    <message>
        <source>Who can do %1 (%2 min)?</source>
        <translation>Quem pode fazer %1 (%2 min)?</translation>
    </message>
    <message>
        <source>Who can do %1 · %2 (%3 min)?</source>
        <translation>Quem pode fazer %1 · %2 (%3 min)?</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugestões</translation>
    </message>
    <message>
        <source>Suggest &amp;technician…</source>
        <translation>Sugerir &amp;técnico…</translation>
    </message>
    <message>
        <source>Rank who could do the selected work order, and when (Ctrl+G).</source>
        <translation>Classificar quem poderia fazer a ordem de serviço selecionada, e quando (Ctrl+G).</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board first.</source>
        <translation>Selecione primeiro uma ordem de serviço na fila ou no quadro.</translation>
    </message>
    <message>
        <source>Ranking slots for %1…</source>
        <translation>Classificando horários para %1…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book a slot.</source>
        <translation>Abra a aba Programação para agendar um horário.</translation>
    </message>
    <message>
        <source>Read only: the slot was not booked.</source>
        <translation>Somente leitura: o horário não foi agendado.</translation>
    </message>
    <message>
        <source>%1 is already booked outside the dates on the board: show its day, then book to move it.</source>
        <translation>%1 já está agendada fora das datas do quadro: mostre o dia dela e agende para movê-la.</translation>
    </message>
    <message>
        <source>Booked %1 with %2 at %3.</source>
        <translation>%1 agendada com %2 às %3.</translation>
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
        <translation>Seu papel pode ler técnicos, mas não alterá-los; os administradores podem.</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Não conectado a um banco de dados.</translation>
    </message>
    <message>
        <source>Your role may read absences but not change them; dispatchers and administrators do.</source>
        <translation>Seu papel pode ler ausências, mas não alterá-las; despachantes e administradores podem.</translation>
    </message>
    <message>
        <source>New technician %1</source>
        <translation>Novo técnico %1</translation>
    </message>
    <message>
        <source>Edit technician %1</source>
        <translation>Editar técnico %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message>
        <source>Reactivate technician %1</source>
        <translation>Reativar técnico %1</translation>
    </message>
    <message>
        <source>Deactivate technician %1</source>
        <translation>Desativar técnico %1</translation>
    </message>
    <message>
        <source>%1 may get new work again.</source>
        <translation>%1 pode receber novos trabalhos novamente.</translation>
    </message>
    <message>
        <source>%1 is inactive: kept with their history, given no new work.</source>
        <translation>%1 está inativo: mantido com seu histórico, sem receber novos trabalhos.</translation>
    </message>
    <message>
        <source>Absence of %1, 1 visit back to the queue</source>
        <translation>Ausência de %1, 1 visita de volta à fila</translation>
    </message>
    <message>
        <source>Absence of %1, %2 visits back to the queue</source>
        <translation>Ausência de %1, %2 visitas de volta à fila</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Ausência de %1</translation>
    </message>
    <message>
        <source>Edit absence of %1</source>
        <translation>Editar ausência de %1</translation>
    </message>
    <message>
        <source>Remove absence of %1</source>
        <translation>Remover ausência de %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::TimeTabController</name>
    <message>
        <source>Read-only: your role may not approve or correct time entries.</source>
        <translation>Somente leitura: seu perfil não pode aprovar nem corrigir lançamentos de tempo.</translation>
    </message>
    <message>
        <source>Read-only: not connected to a database.</source>
        <translation>Somente leitura: sem conexão com um banco de dados.</translation>
    </message>
    <message>
        <source>Approve time entries %1</source>
        <translation>Aprovar lançamentos de tempo %1</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Aprovados: %1.</translation>
    </message>
    <message>
        <source>Already reviewed, left as they were: %1.</source>
        <translation>Já revisados, mantidos como estavam: %1.</translation>
    </message>
    <message>
        <source>Correct time entry %1</source>
        <translation>Corrigir lançamento de tempo %1</translation>
    </message>
    <message>
        <source>Corrected: %1.</source>
        <translation>Corrigido: %1.</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::VisitOutcomeController</name>
    <message>
        <source>Record visit &amp;outcome…</source>
        <translation>Registrar &amp;resultado da visita…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Record how the visit ended: arrival, departure, resolved or why not (Ctrl+Shift+R)</source>
        <translation>Registrar como a visita terminou: chegada, saída, resolvida ou por que não (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>The selected work order has no visit whose outcome could be recorded.</source>
        <translation>A ordem de serviço selecionada não tem visita cujo resultado possa ser registrado.</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>Visita de retorno</translation>
    </message>
    <message>
        <source>Work order %1 is back in the queue (%2).
Find a technician for the return visit now?</source>
        <translation>A ordem de serviço %1 voltou para a fila (%2).
Procurar agora um técnico para a visita de retorno?</translation>
    </message>
    <message>
        <source>Your role may not record visits</source>
        <translation>Seu perfil não pode registrar visitas</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Sem conexão com um banco de dados</translation>
    </message>
    <message>
        <source>Your role may not record visits.</source>
        <translation>Seu perfil não pode registrar visitas.</translation>
    </message>
    <message>
        <source>Visit %1 is cancelled; a cancelled visit has no outcome.</source>
        <translation>A visita %1 está cancelada; uma visita cancelada não tem resultado.</translation>
    </message>
    <message>
        <source>Outcome of visit %1</source>
        <translation>Resultado da visita %1</translation>
    </message>
    <message>
        <source>Return visit %1 is in the queue (%2), with the parts reserved.
Find a technician for it now?</source>
        <translation>A visita de retorno %1 está na fila (%2), com as peças reservadas.
Procurar um técnico para ela agora?</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderDialog</name>
    <message>
        <source>New work order</source>
        <translation>Nova ordem de serviço</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>Editar ordem de serviço %1</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recarregar</translation>
    </message>
    <message>
        <source>Show their version; your edits here are dropped</source>
        <translation>Mostrar a versão da outra pessoa; suas edições aqui são descartadas</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Sobrescrever</translation>
    </message>
    <message>
        <source>Keep your edits; saving writes them on top of theirs</source>
        <translation>Manter suas edições; salvar as grava por cima das da outra pessoa</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Salvar (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Ainda não: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderIntakeController</name>
    <message>
        <source>&amp;New work order…</source>
        <translation>&amp;Nova ordem de serviço…</translation>
    </message>
    <message>
        <source>Log a customer&apos;s call as a work order (Ctrl+N)</source>
        <translation>Registrar o chamado de um cliente como ordem de serviço (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit work order…</source>
        <translation>&amp;Editar ordem de serviço…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ca&amp;ncel work order…</source>
        <translation>Ca&amp;ncelar ordem de serviço…</translation>
    </message>
    <message>
        <source>Why is work order %1 cancelled?</source>
        <translation>Por que a ordem de serviço %1 foi cancelada?</translation>
    </message>
    <message>
        <source>Work order %1 has visits booked (%2); they are cancelled with it.
Why is it cancelled?</source>
        <translation>A ordem de serviço %1 tem visitas agendadas (%2); elas são canceladas junto com ela.
Por que ela foi cancelada?</translation>
    </message>
    <message>
        <source>Cancel work order</source>
        <translation>Cancelar ordem de serviço</translation>
    </message>
    <message>
        <source>Your role may not change work orders</source>
        <translation>Seu papel não pode alterar ordens de serviço</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Não conectado a um banco de dados</translation>
    </message>
    <message>
        <source>Reading the customers…</source>
        <translation>Lendo os clientes…</translation>
    </message>
    <message>
        <source>Your role may not open work orders.</source>
        <translation>Seu papel não pode abrir ordens de serviço.</translation>
    </message>
    <message>
        <source>Your role may read this work order but not change it.</source>
        <translation>Seu papel pode ler esta ordem de serviço, mas não alterá-la.</translation>
    </message>
    <message>
        <source>%1 changed work order %2 while you were editing it (now at version %3).</source>
        <translation>%1 alterou a ordem de serviço %2 enquanto você a editava (agora na versão %3).</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguém</translation>
    </message>
    <message>
        <source>Reading %1&apos;s sites…</source>
        <translation>Lendo os locais de %1…</translation>
    </message>
    <message>
        <source>New work order %1</source>
        <translation>Nova ordem de serviço %1</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>Editar ordem de serviço %1</translation>
    </message>
    <message>
        <source>Cancel work order %1</source>
        <translation>Cancelar ordem de serviço %1</translation>
    </message>
</context>
<context>
    <name>fieldops::kpi::KpiService</name>
    <message>
        <source>not connected to a database</source>
        <translation>não conectado a um banco de dados</translation>
    </message>
    <message>
        <source>the previous period could not be read: %1</source>
        <translation>não foi possível ler o período anterior: %1</translation>
    </message>
    <message>
        <source>no KPI period is shown yet</source>
        <translation>nenhum período de KPI é exibido ainda</translation>
    </message>
</context>
<context>
    <name>fieldops::parts::StockTableModel</name>
    <message>
        <source>Double-click or press F2 to change the reorder point</source>
        <translation>Clique duas vezes ou pressione F2 para alterar o ponto de reposição</translation>
    </message>
    <message>
        <source>%1 available, %2 short of the reorder point %3</source>
        <translation>%1 disponível, faltam %2 para o ponto de reposição %3</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Peça</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Em estoque</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Ponto de reposição</translation>
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
        <translation>%1 em estoque lá, %2 deles reservados para ordens de serviço abertas.</translation>
    </message>
    <message>
        <source>%1 on hand there.</source>
        <translation>%1 em estoque lá.</translation>
    </message>
    <message>
        <source>Choose the part to move.</source>
        <translation>Escolha a peça a mover.</translation>
    </message>
    <message>
        <source>There is no part %1.</source>
        <translation>Não existe a peça %1.</translation>
    </message>
    <message>
        <source>Choose where the part comes from.</source>
        <translation>Escolha de onde a peça sai.</translation>
    </message>
    <message>
        <source>%1 holds no %2.</source>
        <translation>%1 não tem %2.</translation>
    </message>
    <message>
        <source>Choose where the part goes.</source>
        <translation>Escolha para onde a peça vai.</translation>
    </message>
    <message>
        <source>The part is already there: choose another place.</source>
        <translation>A peça já está lá: escolha outro local.</translation>
    </message>
    <message>
        <source>Type how many to move.</source>
        <translation>Digite quantas mover.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; não é um número.</translation>
    </message>
    <message>
        <source>Move more than 0.</source>
        <translation>Mova mais que 0.</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than %4.</source>
        <translation>%1 tem %2 de %3, menos que %4.</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianFormModel</name>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>território desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>habilidade(s) desconhecida(s): %1</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianListModel</name>
    <message>
        <source>Employee</source>
        <translation>Funcionário</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>Meio período</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Terceirizado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativos</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Vínculo</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Território</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AbsenceDialog</name>
    <message>
        <source>New absence of %1</source>
        <translation>Nova ausência de %1</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Ausência de %1</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Até:</translation>
    </message>
    <message>
        <source>Vacation, sick, training, other or your own words</source>
        <translation>Férias, doença, treinamento, outro ou suas próprias palavras</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Return these visits to the queue (cancel the appointments) with this absence</source>
        <translation>Devolver estas visitas à fila (cancelar os agendamentos) com esta ausência</translation>
    </message>
    <message>
        <source>Looking for visits booked in this time…</source>
        <translation>Procurando visitas agendadas neste período…</translation>
    </message>
    <message>
        <source>No visits are booked in this time.</source>
        <translation>Nenhuma visita está agendada neste período.</translation>
    </message>
    <message>
        <source>%1 — work order %2 (%3), %4</source>
        <translation>%1 — ordem de serviço %2 (%3), %4</translation>
    </message>
    <message>
        <source>1 visit is booked in this time:</source>
        <translation>1 visita está agendada neste período:</translation>
    </message>
    <message>
        <source>%1 visits are booked in this time:</source>
        <translation>%1 visitas estão agendadas neste período:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertThresholdsDialog</name>
    <message>
        <source>Alert thresholds</source>
        <translation>Limites de alerta</translation>
    </message>
    <message>
        <source>The same for every console of the operation; the on-time grace is also the KPIs&apos; on-time arrival rule.</source>
        <translation>Os mesmos para todos os consoles da operação; a tolerância de pontualidade é também a regra de chegada pontual dos KPIs.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertsView</name>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Dispensar…</translation>
    </message>
    <message>
        <source>Hide this alert for every console, saying why (kept in the history)</source>
        <translation>Ocultar este alerta em todos os consoles, dizendo por quê (fica no histórico)</translation>
    </message>
    <message>
        <source>%1 breached</source>
        <translation>%1 vencidos</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1 vencem em breve</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 atrasados</translation>
    </message>
    <message>
        <source>%1 at risk</source>
        <translation>%1 em risco</translation>
    </message>
    <message>
        <source>%1 missed status</source>
        <translation>%1 status não enviado</translation>
    </message>
    <message>
        <source>%1 overrunning</source>
        <translation>%1 estourando</translation>
    </message>
    <message>
        <source>%1 unresolved</source>
        <translation>%1 não resolvidos</translation>
    </message>
    <message>
        <source>%1 silent</source>
        <translation>%1 em silêncio</translation>
    </message>
    <message>
        <source>%1 predicted late</source>
        <translation>%1 previstos atrasados</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AssetHealthView</name>
    <message>
        <source>Risk</source>
        <translation>Risco</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regra</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Trabalho em aberto</translation>
    </message>
    <message>
        <source>Open &amp;customer</source>
        <translation>Abrir &amp;cliente</translation>
    </message>
    <message>
        <source>The asset&apos;s customer page, with its sites and assets</source>
        <translation>A página do cliente do ativo, com seus locais e ativos</translation>
    </message>
    <message>
        <source>Site on &amp;map</source>
        <translation>Local no &amp;mapa</translation>
    </message>
    <message>
        <source>Open &amp;work</source>
        <translation>Abrir &amp;trabalho</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Nova regra…</translation>
    </message>
    <message>
        <source>A condition rule that opens proactive work when an asset&apos;s readings call for it</source>
        <translation>Uma regra de condição que abre trabalho proativo quando as leituras de um ativo o exigem</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 dias</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 dias</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 ano</translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation>Leitura:</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>Intervalo:</translation>
    </message>
    <message>
        <source>Open &amp;work (%1)</source>
        <translation>Abrir &amp;trabalho (%1)</translation>
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
        <translation>Faixa habitual (± %1 dp)</translation>
    </message>
    <message>
        <source>Hourly mean</source>
        <translation>Média horária</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Leituras</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Rule limit</source>
        <translation>Limite da regra</translation>
    </message>
    <message>
        <source>%1 has no readings.</source>
        <translation>%1 não tem leituras.</translation>
    </message>
    <message>
        <source>No %1 readings in this span.</source>
        <translation>Nenhuma leitura de %1 neste intervalo.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leitura</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Observa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Edit r&amp;ule…</source>
        <translation>Editar r&amp;egra…</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>Desa&amp;tivar</translation>
    </message>
    <message>
        <source>An inactive rule is not evaluated; the work it already opened stays open</source>
        <translation>Uma regra inativa não é avaliada; o trabalho que ela já abriu continua aberto</translation>
    </message>
    <message>
        <source>A&amp;ll rules</source>
        <translation>&amp;Todas as regras</translation>
    </message>
    <message>
        <source>Every condition rule, not only the chosen asset&apos;s</source>
        <translation>Todas as regras de condição, não só as do ativo escolhido</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regras</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>ativo %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativa</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inativa</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>A&amp;tivar</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Write one with New rule…: a limit held for some minutes, a rate of change, a service every so many runtime hours, or readings leaving the asset&apos;s own usual pattern. Each rule opens proactive work when it fires.</source>
        <translation>Ainda não há regras de condição, então nada vigia as leituras dos equipamentos. Escreva uma com Nova regra…: um limite mantido por alguns minutos, uma taxa de variação, um serviço a cada tantas horas de funcionamento ou leituras que fogem do padrão habitual do próprio ativo. Cada regra abre trabalho proativo quando dispara.</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Planners write them here.</source>
        <translation>Ainda não há regras de condição, então nada vigia as leituras dos equipamentos. Os planejadores as escrevem aqui.</translation>
    </message>
    <message>
        <source>The rules watch no asset: no asset is of a rule&apos;s model or named by a rule.</source>
        <translation>As regras não vigiam nenhum ativo: nenhum ativo é do modelo de uma regra nem é nomeado por uma regra.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BillingExportDialog</name>
    <message>
        <source>Export billing</source>
        <translation>Exportar faturamento</translation>
    </message>
    <message>
        <source>Approved billable time and the parts used per customer and contract, with the contracts&apos; terms applied, written as billing_summary.csv, billing_lines.csv and billing.pdf. Days are in UTC.</source>
        <translation>Tempo faturável aprovado e peças usadas por cliente e contrato, com os termos dos contratos aplicados, gravados como billing_summary.csv, billing_lines.csv e billing.pdf. Os dias estão em UTC.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Esc&amp;olher…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>Pa&amp;sta:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Folder for the billing files</source>
        <translation>Pasta para os arquivos de faturamento</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>O período termina antes de começar.</translation>
    </message>
    <message>
        <source>Choose the folder to write the files into.</source>
        <translation>Escolha a pasta onde gravar os arquivos.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Written into %1:
%2</source>
        <translation>Gravado em %1:
%2</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nada foi gravado: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BoardToolbar</name>
    <message>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <source>Show one day</source>
        <translation>Mostrar um dia</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 dias</translation>
    </message>
    <message>
        <source>Show three days</source>
        <translation>Mostrar três dias</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Show a week</source>
        <translation>Mostrar uma semana</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 semanas</translation>
    </message>
    <message>
        <source>Show two weeks</source>
        <translation>Mostrar duas semanas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Scroll to now (Ctrl+T)</source>
        <translation>Rolar até agora (Ctrl+T)</translation>
    </message>
    <message>
        <source>Scroll the board to now</source>
        <translation>Rolar o quadro até agora</translation>
    </message>
    <message>
        <source>Day shown on the board</source>
        <translation>Dia exibido no quadro</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Marcar ausência</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence (Ctrl+Shift+A; Esc leaves)</source>
        <translation>Arraste na linha de um técnico para registrar uma ausência (Ctrl+Shift+A; Esc sai)</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence; Escape leaves the mode</source>
        <translation>Arraste na linha de um técnico para registrar uma ausência; Escape sai do modo</translation>
    </message>
    <message>
        <source>Snap</source>
        <extracomment>Drag granularity: dragged visits snap to this many minutes.</extracomment>
        <translation>Encaixe</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Snap step</source>
        <translation>Intervalo de encaixe</translation>
    </message>
    <message>
        <source>Territory filter</source>
        <translation>Filtro de território</translation>
    </message>
    <message>
        <source>Skill filter</source>
        <translation>Filtro de habilidade</translation>
    </message>
    <message>
        <source>Employment filter</source>
        <translation>Filtro de vínculo</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todos os territórios</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>Qualquer habilidade</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>Qualquer vínculo</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Funcionário</translation>
    </message>
    <message>
        <source>Part time</source>
        <translation>Meio período</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Terceirizado</translation>
    </message>
    <message>
        <source>Technician name…</source>
        <translation>Nome do técnico…</translation>
    </message>
    <message>
        <source>Technician name filter</source>
        <translation>Filtro de nome do técnico</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Show cancelled appointments</source>
        <translation>Mostrar agendamentos cancelados</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CapacityPreviewPanel</name>
    <message>
        <source>As due (demand / available hours)</source>
        <translation>No vencimento (horas de demanda / disponíveis)</translation>
    </message>
    <message>
        <source>Levelled</source>
        <extracomment>Heading of the capacity table after moving preventive occurrences to flatten overloaded weeks.</extracomment>
        <translation>Nivelado</translation>
    </message>
    <message>
        <source>Moves levelling makes</source>
        <translation>Movimentações feitas pelo nivelamento</translation>
    </message>
    <message>
        <source>&amp;Use the levelled days when generating</source>
        <translation>&amp;Usar os dias nivelados ao gerar</translation>
    </message>
    <message>
        <source>The load appears with the preview.</source>
        <translation>A carga aparece com a visualização.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No preventive work falls within the horizon.</source>
        <translation>Nenhum trabalho preventivo cai dentro do horizonte.</translation>
    </message>
    <message>
        <source>No week is overloaded: the technicians able to do the work have the hours for it.</source>
        <translation>Nenhuma semana está sobrecarregada: os técnicos capazes de fazer o trabalho têm horas para ele.</translation>
    </message>
    <message numerus="yes">
        <source>%1 week(s) × territory overloaded as due; %2 after levelling with %n move(s).</source>
        <translation>
            <numerusform>%1 semana(s) × território sobrecarregadas no vencimento; %2 após o nivelamento com %n movimentação.</numerusform>
            <numerusform>%1 semana(s) × território sobrecarregadas no vencimento; %2 após o nivelamento com %n movimentações.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConditionRuleDialog</name>
    <message>
        <source>New condition rule</source>
        <translation>Nova regra de condição</translation>
    </message>
    <message>
        <source>next CR- number</source>
        <translation>próximo número CR-</translation>
    </message>
    <message>
        <source>One asset</source>
        <translation>Um ativo</translation>
    </message>
    <message>
        <source>Every asset of a model</source>
        <translation>Todos os ativos de um modelo</translation>
    </message>
    <message>
        <source>Threshold (beyond a limit for a while)</source>
        <translation>Limiar (além de um limite por algum tempo)</translation>
    </message>
    <message>
        <source>Rate of change</source>
        <translation>Taxa de variação</translation>
    </message>
    <message>
        <source>Usage interval</source>
        <translation>Intervalo de uso</translation>
    </message>
    <message>
        <source>Anomaly against its usual band</source>
        <translation>Anomalia em relação à faixa habitual</translation>
    </message>
    <message>
        <source>above</source>
        <translation>acima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>abaixo de</translation>
    </message>
    <message>
        <source>skill codes separated by ;</source>
        <translation>códigos de habilidade separados por ;</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Watches:</source>
        <translation>Monito&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;Asset or model:</source>
        <translation>&amp;Ativo ou modelo:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Tip&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>&amp;Leitura:</translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation>&amp;Comparação:</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>Li&amp;miar:</translation>
    </message>
    <message>
        <source>&amp;Sustained for (min):</source>
        <translation>&amp;Sustentado por (min):</translation>
    </message>
    <message>
        <source>Rate &amp;per hour:</source>
        <translation>&amp;Taxa por hora:</translation>
    </message>
    <message>
        <source>Over (mi&amp;n):</source>
        <translation>Ao lon&amp;go de (min):</translation>
    </message>
    <message>
        <source>&amp;Usage interval:</source>
        <translation>Intervalo de &amp;uso:</translation>
    </message>
    <message>
        <source>&amp;Band (standard deviations):</source>
        <translation>&amp;Faixa (desvios-padrão):</translation>
    </message>
    <message>
        <source>Baseline &amp;weeks:</source>
        <translation>Semanas de &amp;base:</translation>
    </message>
    <message>
        <source>Work order &amp;task:</source>
        <translation>Tar&amp;efa da ordem de serviço:</translation>
    </message>
    <message>
        <source>Work order t&amp;ype:</source>
        <translation>Tipo da ordem de ser&amp;viço:</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>&amp;Habilidades exigidas:</translation>
    </message>
    <message>
        <source>&amp;Duration (min):</source>
        <translation>&amp;Duração (min):</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>&amp;Prioridade:</translation>
    </message>
    <message>
        <source>Edit condition rule %1</source>
        <translation>Editar regra de condição %1</translation>
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
        <translation>Enquanto conectado, o console avalia as regras de condição com esta frequência e abre uma ordem de serviço proativa para cada nova violação. Em um servidor compartilhado, apenas um console avalia por vez; a barra de status indica qual.</translation>
    </message>
    <message>
        <source>&amp;Evaluate condition rules every:</source>
        <translation>&amp;Avaliar as regras de condição a cada:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConflictsPanel</name>
    <message numerus="yes">
        <source>%n conflict(s) in the horizon</source>
        <translation>
            <numerusform>%n conflito no horizonte</numerusform>
            <numerusform>%n conflitos no horizonte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConnectionForm</name>
    <message>
        <source>SQLite file (one person, demo, laptop)</source>
        <translation>Arquivo SQLite (uma pessoa, demonstração, notebook)</translation>
    </message>
    <message>
        <source>PostgreSQL server (shared)</source>
        <translation>Servidor PostgreSQL (compartilhado)</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Back-end:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Arquivo:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
    </message>
    <message>
        <source>only for verify-ca / verify-full</source>
        <translation>somente para verify-ca / verify-full</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;orta:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Banco de &amp;dados:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>S&amp;enha:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Modo &amp;SSL:</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>&amp;Certificado raiz:</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>Arquivo de banco de dados SQLite</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bancos de dados SQLite (*.db *.sqlite);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Certificado raiz</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Certificados (*.crt *.pem);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>the SQLite file needs an absolute path</source>
        <translation>o arquivo SQLite precisa de um caminho absoluto</translation>
    </message>
    <message>
        <source>enter the PostgreSQL server&apos;s host name</source>
        <translation>informe o nome do host do servidor PostgreSQL</translation>
    </message>
    <message>
        <source>enter the database name</source>
        <translation>informe o nome do banco de dados</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConsumptionPanel</name>
    <message>
        <source>Counted from … to:</source>
        <translation>Contado de … até:</translation>
    </message>
    <message>
        <source>Work orders:</source>
        <translation>Ordens de serviço:</translation>
    </message>
    <message>
        <source>Visits made:</source>
        <translation>Visitas realizadas:</translation>
    </message>
    <message>
        <source>Hours worked:</source>
        <translation>Horas trabalhadas:</translation>
    </message>
    <message>
        <source>This billing period:</source>
        <translation>Este período de faturamento:</translation>
    </message>
    <message>
        <source>SLA compliance:</source>
        <translation>Cumprimento do SLA:</translation>
    </message>
    <message>
        <source>Preventive visits:</source>
        <translation>Visitas preventivas:</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Peças:</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1 (%2 abertas)</translation>
    </message>
    <message>
        <source>%1 h, of which %2 h billable</source>
        <translation>%1 h, das quais %2 h faturáveis</translation>
    </message>
    <message>
        <source>%1 h used of %2 h included (%3)</source>
        <translation>%1 h usadas de %2 h incluídas (%3)</translation>
    </message>
    <message>
        <source>%1 h (%2), no hours included</source>
        <translation>%1 h (%2), nenhuma hora incluída</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 work orders met their SLA)</source>
        <translation>%1 % (%2 de %3 ordens de serviço cumpriram o SLA)</translation>
    </message>
    <message>
        <source>no work order due yet</source>
        <translation>nenhuma ordem de serviço vencida ainda</translation>
    </message>
    <message>
        <source>%1 done, %2 due, %3 missed</source>
        <translation>%1 feitas, %2 a vencer, %3 perdidas</translation>
    </message>
    <message>
        <source>included in the fee</source>
        <translation>incluídas na taxa</translation>
    </message>
    <message>
        <source>billed at cost</source>
        <translation>faturadas ao custo</translation>
    </message>
    <message>
        <source>none used; %1</source>
        <translation>nenhuma usada; %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 used on %n line(s), %2 at cost; %3</source>
        <translation>
            <numerusform>%1 usado em %n linha, %2 ao custo; %3</numerusform>
            <numerusform>%1 usado em %n linhas, %2 ao custo; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n line(s) of parts without a unit cost)</source>
        <translation>
            <numerusform>(%n linha de peças sem custo unitário)</numerusform>
            <numerusform>(%n linhas de peças sem custo unitário)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContactsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>&amp;Função:</translation>
    </message>
    <message>
        <source>e.g. facilities manager, caretaker, accounts</source>
        <translation>p. ex. gerente de instalações, zelador, financeiro</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Novo contato</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Remover contato</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Salvar contato</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Ainda não: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractTermsPanel</name>
    <message>
        <source>The site&apos;s territory</source>
        <translation>O território do local</translation>
    </message>
    <message>
        <source>Contract &amp;id:</source>
        <translation>&amp;Id do contrato:</translation>
    </message>
    <message>
        <source>e.g. K-2027-014</source>
        <translation>p. ex. K-2027-014</translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation>Id do cliente:</translation>
    </message>
    <message>
        <source>the customer&apos;s id</source>
        <translation>o id do cliente</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>e.g. Gold 24×7</source>
        <translation>p. ex. Ouro 24×7</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Até:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Observações:</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name, phone, email or id</source>
        <translation>Digite o nome, telefone, e-mail ou id do cliente</translation>
    </message>
    <message>
        <source>Find c&amp;ustomer:</source>
        <translation>Locali&amp;zar cliente:</translation>
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
        <translation>&amp;Dias:</translation>
    </message>
    <message>
        <source>Op&amp;ens:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours start.</extracomment>
        <translation>&amp;Abertura:</translation>
    </message>
    <message>
        <source>&amp;Closes:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours end.</extracomment>
        <translation>&amp;Fechamento:</translation>
    </message>
    <message>
        <source>&amp;Holidays of:</source>
        <translation>Feriados d&amp;e:</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Any priority (h):</source>
        <translation>Qualquer prioridade (h):</translation>
    </message>
    <message>
        <source>default</source>
        <translation>padrão</translation>
    </message>
    <message>
        <source>%1 (h):</source>
        <translation>%1 (h):</translation>
    </message>
    <message>
        <source>Respond within</source>
        <translation>Responder em até</translation>
    </message>
    <message>
        <source>Resolve within</source>
        <translation>Resolver em até</translation>
    </message>
    <message>
        <source>Fi&amp;xed fee:</source>
        <translation>Taxa fi&amp;xa:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Fee &amp;period:</source>
        <translation>&amp;Período da taxa:</translation>
    </message>
    <message>
        <source>&amp;Included hours per period:</source>
        <translation>Horas incl&amp;uídas por período:</translation>
    </message>
    <message>
        <source>Hourly &amp;rate beyond them:</source>
        <translation>&amp;Tarifa por hora excedente:</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Peças:</translation>
    </message>
    <message>
        <source>included in the fee (else billed)</source>
        <translation>incluídas na taxa (senão faturadas)</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <source>Covered &amp;sites (none ticked: every site of the customer)</source>
        <translation>&amp;Locais cobertos (nenhum marcado: todos os locais do cliente)</translation>
    </message>
    <message>
        <source>Covered &amp;assets</source>
        <translation>Ati&amp;vos cobertos</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractsView</name>
    <message>
        <source>&amp;Terms</source>
        <translation>&amp;Termos</translation>
    </message>
    <message>
        <source>&amp;Preventive plans</source>
        <translation>Planos &amp;preventivos</translation>
    </message>
    <message>
        <source>C&amp;onsumption</source>
        <translation>C&amp;onsumo</translation>
    </message>
    <message>
        <source>&amp;Save contract</source>
        <translation>&amp;Salvar contrato</translation>
    </message>
    <message>
        <source>Save the contract&apos;s terms (Ctrl+S)</source>
        <translation>Salvar os termos do contrato (Ctrl+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;verter</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Renovar…</translation>
    </message>
    <message>
        <source>&amp;Generate preventive work…</source>
        <translation>&amp;Gerar trabalho preventivo…</translation>
    </message>
    <message>
        <source>Preview the load and create the preventive work orders due within a horizon, for every contract</source>
        <translation>Visualizar a carga e criar as ordens de serviço preventivas que vencem dentro de um horizonte, para todos os contratos</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>&amp;Feriados…</translation>
    </message>
    <message>
        <source>The territories&apos; holiday calendars, where SLA clocks stop and preventive visits move off</source>
        <translation>Os calendários de feriados dos territórios, em que os relógios de SLA param e as visitas preventivas são remanejadas</translation>
    </message>
    <message>
        <source>Search contract, name or customer</source>
        <translation>Buscar contrato, nome ou cliente</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>Todos os contratos</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation>Terminando em até 30 dias</translation>
    </message>
    <message>
        <source>Ending within 60 days</source>
        <translation>Terminando em até 60 dias</translation>
    </message>
    <message>
        <source>Ending within 90 days</source>
        <translation>Terminando em até 90 dias</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Encerrado</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Não iniciado</translation>
    </message>
    <message>
        <source>Any coverage</source>
        <translation>Qualquer cobertura</translation>
    </message>
    <message>
        <source>&amp;New contract</source>
        <translation>&amp;Novo contrato</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Novo contrato</translation>
    </message>
    <message>
        <source>&amp;Terms *</source>
        <translation>&amp;Termos *</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CoverageList</name>
    <message>
        <source>· under warranty until %1</source>
        <translation>· na garantia até %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CustomersView</name>
    <message>
        <source>(no territory)</source>
        <translation>(sem território)</translation>
    </message>
    <message>
        <source>Search name, phone, email or id</source>
        <translation>Buscar nome, telefone, e-mail ou id</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>&amp;Novo cliente</translation>
    </message>
    <message>
        <source>Choose a customer, or make a new one.</source>
        <translation>Escolha um cliente ou crie um novo.</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalhes</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontatos</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Locais</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>&amp;Ativos</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Resposta</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>Co&amp;ntratos</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Aberta</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>Ordens de ser&amp;viço</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>your systems&apos; id, e.g. c-1042</source>
        <translation>o id dos seus sistemas, p. ex. c-1042</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Save customer</source>
        <translation>Salvar cliente</translation>
    </message>
    <message>
        <source>New work order for this customer…</source>
        <translation>Nova ordem de serviço para este cliente…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <source>Si&amp;te id:</source>
        <translation>&amp;Id do local:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;me:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Endereço:</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Latitude:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitude:</translation>
    </message>
    <message>
        <source>Te&amp;rritory:</source>
        <translation>Te&amp;rritório:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuso horário:</translation>
    </message>
    <message>
        <source>Click to place the site, drag the pin to move it; wheel or +/− to zoom</source>
        <translation>Clique para posicionar o local, arraste o marcador para movê-lo; roda do mouse ou +/− para zoom</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Novo local</translation>
    </message>
    <message>
        <source>Save site</source>
        <translation>Salvar local</translation>
    </message>
    <message>
        <source>Time zone proposed from %1, where the technicians work in %2; change it if the site keeps another clock.</source>
        <translation>Fuso horário sugerido a partir de %1, onde os técnicos trabalham em %2; altere-o se o local usar outro horário.</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Nº de série</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Garantia</translation>
    </message>
    <message>
        <source>Asset &amp;id:</source>
        <translation>&amp;Id do ativo:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>Lo&amp;cal:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Se&amp;rial:</source>
        <translation>Nº de sé&amp;rie:</translation>
    </message>
    <message>
        <source>Installed &amp;on:</source>
        <translation>I&amp;nstalado em:</translation>
    </message>
    <message>
        <source>&amp;Warranty until:</source>
        <translation>&amp;Garantia até:</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>Histórico de serviços</translation>
    </message>
    <message>
        <source>New asset at the selected site</source>
        <translation>Novo ativo no local selecionado</translation>
    </message>
    <message>
        <source>Save asset</source>
        <translation>Salvar ativo</translation>
    </message>
    <message>
        <source>under warranty until %1</source>
        <translation>na garantia até %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>encerrada em %1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>horário comercial</translation>
    </message>
    <message>
        <source>24×7</source>
        <translation>24×7</translation>
    </message>
    <message>
        <source>&amp;Work orders (%1 open, %2 past)</source>
        <translation>Ordens de ser&amp;viço (%1 abertas, %2 anteriores)</translation>
    </message>
    <message>
        <source>C&amp;ontacts (%1)</source>
        <translation>C&amp;ontatos (%1)</translation>
    </message>
    <message>
        <source>&amp;Sites (%1)</source>
        <translation>&amp;Locais (%1)</translation>
    </message>
    <message>
        <source>&amp;Assets (%1)</source>
        <translation>&amp;Ativos (%1)</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Ainda não: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::DisplayPage</name>
    <message>
        <source>This computer&apos;s time zone (%1)</source>
        <translation>Fuso horário deste computador (%1)</translation>
    </message>
    <message>
        <source>This computer&apos;s language (%1)</source>
        <translation>Idioma deste computador (%1)</translation>
    </message>
    <message>
        <source>The schedule board, its conflicts and the KPI periods show times in this zone. Each technician&apos;s shift is still shaded in the technician&apos;s own zone.</source>
        <translation>O quadro de programação, seus conflitos e os períodos de KPI mostram horários neste fuso. O turno de cada técnico continua sombreado no fuso do próprio técnico.</translation>
    </message>
    <message>
        <source>Show &amp;times in:</source>
        <translation>Mostrar &amp;horários em:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this computer knows; choose one from the list, e.g. America/Sao_Paulo.</source>
        <translation>&quot;%1&quot; não é um fuso horário que este computador conhece; escolha um da lista, p. ex. America/Sao_Paulo.</translation>
    </message>
    <message>
        <source>The console shows the new language at its next start.</source>
        <translation>O console mostra o novo idioma na próxima vez que for iniciado.</translation>
    </message>
    <message>
        <source>Each technician&apos;s own time zone</source>
        <translation>Fuso horário de cada técnico</translation>
    </message>
    <message>
        <source>With each technician&apos;s own time zone, every row of the board shows its technician&apos;s local time (08:00 in São Paulo and in Lisbon line up) and the KPI periods use this computer&apos;s zone.</source>
        <translation>Com o fuso horário de cada técnico, cada linha do quadro mostra a hora local do seu técnico (08:00 em São Paulo e em Lisboa ficam alinhadas) e os períodos dos KPIs usam o fuso deste computador.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::FirstRunDialog</name>
    <message>
        <source>Welcome to FieldOps Console</source>
        <translation>Bem-vindo ao FieldOps Console</translation>
    </message>
    <message>
        <source>Which database should the console open? Your choice is remembered for the next start; File → Open another database… changes it.</source>
        <translation>Qual banco de dados o console deve abrir? Sua escolha é lembrada na próxima inicialização; Arquivo → Abrir outro banco de dados… a altera.</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Abrir a &amp;demonstração</translation>
    </message>
    <message>
        <source>A made-up field-service operation in São Paulo to try everything out. It is created the first time, which takes a moment.</source>
        <translation>Uma operação fictícia de serviços de campo em São Paulo para experimentar tudo. Ela é criada na primeira vez, o que leva um momento.</translation>
    </message>
    <message>
        <source>Connect to a &amp;server…</source>
        <translation>Conectar a um &amp;servidor…</translation>
    </message>
    <message>
        <source>A PostgreSQL server your team shares. Pick a recent connection below or enter a new one.</source>
        <translation>Um servidor PostgreSQL compartilhado pela sua equipe. Escolha uma conexão recente abaixo ou informe uma nova.</translation>
    </message>
    <message>
        <source>&amp;Recent connections:</source>
        <translation>Conexões &amp;recentes:</translation>
    </message>
    <message>
        <source>Create a new database &amp;file…</source>
        <translation>Criar um novo &amp;arquivo de banco de dados…</translation>
    </message>
    <message>
        <source>An empty SQLite file of your own, for one person working alone. Choosing an existing FieldOps file opens it as it is.</source>
        <translation>Um arquivo SQLite vazio só seu, para uma pessoa trabalhando sozinha. Escolher um arquivo do FieldOps existente o abre como está.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>Novo arquivo de banco de dados</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bancos de dados SQLite (*.db *.sqlite);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir outro banco de dados</translation>
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
        <translation>Gerar trabalho preventivo</translation>
    </message>
    <message>
        <source>&amp;Horizon:</source>
        <translation>&amp;Horizonte:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Visualizar</translation>
    </message>
    <message>
        <source>Preview shows what generating would create, before anything is written.</source>
        <translation>A visualização mostra o que a geração criaria, antes que algo seja gravado.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimento</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>New work orders</source>
        <translation>Novas ordens de serviço</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoradas</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Capacidade</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Gerar</translation>
    </message>
    <message numerus="yes">
        <source>Generating would create %n work order(s) (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</source>
        <translation>
            <numerusform>A geração criaria %n ordem de serviço (%1 horas de trabalho) e ignoraria %2 ocorrência(s). Nada foi gravado ainda.</numerusform>
            <numerusform>A geração criaria %n ordens de serviço (%1 horas de trabalho) e ignoraria %2 ocorrência(s). Nada foi gravado ainda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s); they wait in the unassigned queue.</source>
        <translation>
            <numerusform>%n ordem de serviço preventiva criada; ela aguarda na fila não atribuída.</numerusform>
            <numerusform>%n ordens de serviço preventivas criadas; elas aguardam na fila não atribuída.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Processando…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::HolidayCalendarDialog</name>
    <message>
        <source>Holiday calendars</source>
        <translation>Calendários de feriados</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>&amp;Território:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Feriado</translation>
    </message>
    <message>
        <source>e.g. Tiradentes</source>
        <translation>p. ex. Tiradentes</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <source>A CSV file with a day column (YYYY-MM-DD) and optionally name and territory_id</source>
        <translation>Um arquivo CSV com uma coluna day (AAAA-MM-DD) e, opcionalmente, name e territory_id</translation>
    </message>
    <message>
        <source>&amp;Save calendar</source>
        <translation>&amp;Salvar calendário</translation>
    </message>
    <message>
        <source>%1 is already a holiday.</source>
        <translation>%1 já é feriado.</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>Importar feriados</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiBreakdownView</name>
    <message>
        <source>Show all bars</source>
        <translation>Mostrar todas as barras</translation>
    </message>
    <message>
        <source>Off: the chart shows the top and the bottom of the ranking that fit. On: every bar, in a chart that scrolls.</source>
        <translation>Desligado: o gráfico mostra o topo e a base da classificação que couberem. Ligado: todas as barras, em um gráfico com rolagem.</translation>
    </message>
    <message>
        <source>Bars ranked by the KPI the table is sorted by, highest first, ties by name. When not all fit, the chart shows the top and the bottom of the ranking; &quot;Show all bars&quot; shows everyone in a chart that scrolls. The table lists them all.</source>
        <translation>Barras classificadas pelo KPI pelo qual a tabela está ordenada, do maior para o menor, empates por nome. Quando nem todas cabem, o gráfico mostra o topo e a base da classificação; &quot;Mostrar todas as barras&quot; mostra todos em um gráfico com rolagem. A tabela lista todos.</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Detalhar por</translation>
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
        <translation>%1 primeiros e %2 últimos de %3</translation>
    </message>
    <message>
        <source>Ranked by %1,</source>
        <translation>Classificados por %1,</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>highest first</source>
        <translation>do maior para o menor</translation>
    </message>
    <message>
        <source> · %1 without a value</source>
        <translation> · %1 sem valor</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiCard</name>
    <message>
        <source>Change against the previous period of the same length</source>
        <translation>Variação em relação ao período anterior de mesma duração</translation>
    </message>
    <message>
        <source>comparing with the previous period…</source>
        <translation>comparando com o período anterior…</translation>
    </message>
    <message>
        <source>no previous data</source>
        <translation>sem dados anteriores</translation>
    </message>
    <message>
        <source>%1 vs previous</source>
        <translation>%1 vs. anterior</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Meta %1</translation>
    </message>
    <message>
        <source>Target %1 · %2</source>
        <translation>Meta %1 · %2</translation>
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
        <translation>Exportar tabela como CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Detalhamento</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Read the database again (filter changes reuse the last read for a minute)</source>
        <translation>Ler o banco de dados novamente (alterações de filtro reutilizam a última leitura por um minuto)</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>Metas…</translation>
    </message>
    <message>
        <source>Set the KPI targets the cards and the trend compare with</source>
        <translation>Definir as metas de KPI com as quais os cartões e a tendência são comparados</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 – %2 · compared with %3 – %4 · %5 ms</source>
        <translation>%1 – %2 · comparado com %3 – %4 · %5 ms</translation>
    </message>
    <message>
        <source> · reading the previous period…</source>
        <translation> · lendo o período anterior…</translation>
    </message>
    <message>
        <source>KPIs could not be loaded: %1</source>
        <translation>Não foi possível carregar os KPIs: %1</translation>
    </message>
    <message>
        <source>could not write the image %1</source>
        <translation>não foi possível gravar a imagem %1</translation>
    </message>
    <message>
        <source>FieldOps KPIs</source>
        <translation>KPIs do FieldOps</translation>
    </message>
    <message>
        <source>could not write the PDF %1</source>
        <translation>não foi possível gravar o PDF %1</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>não foi possível gravar %1</translation>
    </message>
    <message>
        <source>Proactive</source>
        <translation>Proativo</translation>
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
        <translation>Exportar avaliações como CSV…</translation>
    </message>
    <message>
        <source>Visits and ratings of %1</source>
        <translation>Visitas e avaliações de %1</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>Loading visits…</source>
        <translation>Carregando visitas…</translation>
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
            <numerusform>%n avaliação</numerusform>
            <numerusform>%n avaliações</numerusform>
        </translation>
    </message>
    <message>
        <source>Visits could not be loaded: %1</source>
        <translation>Não foi possível carregar as visitas: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiFilterBar</name>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 dias</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mês</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todos os territórios</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>Todos os técnicos</translation>
    </message>
    <message>
        <source>All employment types</source>
        <translation>Todos os tipos de vínculo</translation>
    </message>
    <message>
        <source>All work-order types</source>
        <translation>Todos os tipos de ordem de serviço</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diário</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensal</translation>
    </message>
    <message>
        <source>Trend buckets</source>
        <translation>Agrupamento da tendência</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiProactivePanel</name>
    <message>
        <source>Proactive share of work:</source>
        <translation>Participação do trabalho proativo:</translation>
    </message>
    <message>
        <source>Failures prevented:</source>
        <translation>Falhas evitadas:</translation>
    </message>
    <message>
        <source>With a proactive visit in the 30 days before:</source>
        <translation>Com uma visita proativa nos 30 dias anteriores:</translation>
    </message>
    <message>
        <source>Without one:</source>
        <translation>Sem visita proativa:</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n work order(s) created in the period</source>
        <translation>
            <numerusform>%1 de %n ordem de serviço criada no período</numerusform>
            <numerusform>%1 de %n ordens de serviço criadas no período</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrective work order(s)</source>
        <translation>
            <numerusform>%n ordem de serviço corretiva</numerusform>
            <numerusform>%n ordens de serviço corretivas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asset-days · %2 per asset and 30 days</source>
        <translation>%1 ativos-dia · %2 por ativo a cada 30 dias</translation>
    </message>
    <message>
        <source>Proactive work orders are those a condition rule opened. Failures prevented: the corrective work orders the assets covered by a recent proactive visit would have had at the rate of the uncovered ones, less those they had (watched assets only). The filters above choose the work orders counted (a work order belongs to the technician of its visit); coverage and asset-days stay every watched asset&apos;s.</source>
        <translation>Ordens de serviço proativas são as que uma regra de condição abriu. Falhas evitadas: as ordens corretivas que os ativos cobertos por uma visita proativa recente teriam tido na taxa dos não cobertos, menos as que tiveram (apenas ativos monitorados). Os filtros acima escolhem as ordens contadas (uma ordem pertence ao técnico de sua visita); a cobertura e os ativos-dia continuam sendo os de todos os ativos monitorados.</translation>
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
        <translation>avaliações</translation>
    </message>
    <message>
        <source>Distribution of scores</source>
        <translation>Distribuição das notas</translation>
    </message>
    <message>
        <source>Technicians by rating</source>
        <translation>Técnicos por avaliação</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Últimos comentários</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ninguém</translation>
    </message>
    <message>
        <source>%1★ %2 (%3, %4): %5</source>
        <translation>%1★ %2 (%3, %4): %5</translation>
    </message>
    <message>
        <source>No comments in this period</source>
        <translation>Nenhum comentário neste período</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiTargetEditor</name>
    <message>
        <source>KPI targets</source>
        <translation>metas de KPI</translation>
    </message>
    <message>
        <source>Every territory</source>
        <translation>Todos os territórios</translation>
    </message>
    <message>
        <source>Amber band down to</source>
        <translation>Faixa amarela para baixo até</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Escopo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Amber band up to</source>
        <translation>Faixa amarela para cima até</translation>
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
        <translation>Definida por %1 em %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconhecido)</translation>
    </message>
    <message>
        <source>No target yet</source>
        <translation>Nenhuma meta ainda</translation>
    </message>
    <message>
        <source>Saved: %1 %2</source>
        <translation>Salvo: %1 %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não salvo: %1</translation>
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
        <translation>meta</translation>
    </message>
    <message>
        <source>Trend of</source>
        <translation>Tendência de</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan</source>
        <translation>roda do mouse: zoom · arrastar: mover</translation>
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
        <translation>Mapa de técnicos e trabalhos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>expected %n minute(s) late for the next visit</source>
        <translation>
            <numerusform>atraso previsto de %n minuto para a próxima visita</numerusform>
            <numerusform>atraso previsto de %n minutos para a próxima visita</numerusform>
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
        <translation>não atribuída: arraste até um técnico para atribuir</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s): click to zoom in</source>
        <translation>
            <numerusform>%n trabalho: clique para ampliar</numerusform>
            <numerusform>%n trabalhos: clique para ampliar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MessageTechniciansDialog</name>
    <message>
        <source>Message technicians</source>
        <translation>Mensagem aos técnicos</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Type to find a technician</source>
        <translation>Digite para encontrar um técnico</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensagem:</translation>
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
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Still unplaced</source>
        <translation>Ainda não alocadas</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceitar</translation>
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
        <translation>Planejar as ordens de serviço não atribuídas do dia em torno das visitas já agendadas.</translation>
    </message>
    <message>
        <source>Stop the search; nothing is proposed.</source>
        <translation>Interromper a busca; nada é proposto.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordem de serviço</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Book every proposed visit as one step; Undo takes them all back.</source>
        <translation>Agendar todas as visitas propostas em uma única etapa; Desfazer desfaz todas.</translation>
    </message>
    <message>
        <source>Drop the proposal; nothing is booked.</source>
        <translation>Descartar a proposta; nada é agendado.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Território</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Tempo limite</translation>
    </message>
    <message>
        <source>Choose the day and Solve: the unassigned work orders are fitted around the visits already booked.</source>
        <translation>Escolha o dia e clique em Resolver: as ordens de serviço não atribuídas são encaixadas em torno das visitas já agendadas.</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todos os territórios</translation>
    </message>
    <message>
        <source>Nothing to book: no unassigned work order fits this day.</source>
        <translation>Nada a agendar: nenhuma ordem de serviço não atribuída cabe neste dia.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) proposed. Accept books them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n visita proposta. Aceitar a agenda em uma única etapa; Descartar a descarta.</numerusform>
            <numerusform>%n visitas propostas. Aceitar as agenda em uma única etapa; Descartar as descarta.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&amp;Solve again</source>
        <translation>&amp;Resolver novamente</translation>
    </message>
    <message>
        <source>&amp;Move booked visits</source>
        <translation>&amp;Mover visitas agendadas</translation>
    </message>
    <message>
        <source>Re-plan the whole day: visits already booked that are neither locked nor started may move to another time or technician. Off: they stay where they are.</source>
        <translation>Replaneja o dia inteiro: visitas já agendadas que não estão bloqueadas nem iniciadas podem ir para outro horário ou técnico. Desmarcado: ficam onde estão.</translation>
    </message>
    <message numerus="yes">
        <source>%n new visit(s) and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n visita nova e %1 visita(s) agendada(s) movida(s). Aceitar grava tudo em um passo; Descartar abandona.</numerusform>
            <numerusform>%n visitas novas e %1 visita(s) agendada(s) movida(s). Aceitar grava tudo em um passo; Descartar abandona.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PartsView</name>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Local:</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todos os locais</translation>
    </message>
    <message>
        <source>&amp;Below reorder point only</source>
        <translation>Somente a&amp;baixo do ponto de reposição</translation>
    </message>
    <message>
        <source>The reorder list: what is available (on hand less reserved) is below the reorder point</source>
        <translation>A lista de reposição: o disponível (em estoque menos reservado) está abaixo do ponto de reposição</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans</source>
        <translation>Mover estoque entre almoxarifados e vans</translation>
    </message>
    <message>
        <source>Stock rows: %1</source>
        <translation>Linhas de estoque: %1</translation>
    </message>
    <message>
        <source>Stock rows: %1 of %2</source>
        <translation>Linhas de estoque: %1 de %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PlanEditor</name>
    <message>
        <source>Plan</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Recorrência</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próximo vencimento</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Plan &amp;id:</source>
        <translation>&amp;Id do plano:</translation>
    </message>
    <message>
        <source>e.g. PM-HVAC-Q</source>
        <translation>p. ex. PM-HVAC-Q</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>&amp;Tarefa:</translation>
    </message>
    <message>
        <source>e.g. Quarterly filter change</source>
        <translation>p. ex. Troca trimestral de filtro</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>&amp;Ativo:</translation>
    </message>
    <message>
        <source>&amp;Visit length (min):</source>
        <translation>Duração da &amp;visita (min):</translation>
    </message>
    <message>
        <source>&amp;Recurrence:</source>
        <translation>&amp;Recorrência:</translation>
    </message>
    <message>
        <source>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</source>
        <translation>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</translation>
    </message>
    <message>
        <source>Every N &amp;days (no recurrence):</source>
        <translation>A cada N &amp;dias (sem recorrência):</translation>
    </message>
    <message>
        <source>&amp;First occurrence:</source>
        <translation>&amp;Primeira ocorrência:</translation>
    </message>
    <message>
        <source>Only in &amp;months:</source>
        <translation>Somente nos &amp;meses:</translation>
    </message>
    <message>
        <source>e.g. 4;5;6 (empty: all year)</source>
        <translation>p. ex. 4;5;6 (vazio: o ano todo)</translation>
    </message>
    <message>
        <source>Preferred &amp;start:</source>
        <translation>Início pre&amp;ferido:</translation>
    </message>
    <message>
        <source>&amp;Lead time (days):</source>
        <translation>Ant&amp;ecedência (dias):</translation>
    </message>
    <message>
        <source>Missed visit:</source>
        <translation>Visita perdida:</translation>
    </message>
    <message>
        <source>shifts the following ones</source>
        <translation>desloca as seguintes</translation>
    </message>
    <message>
        <source>Required s&amp;kills</source>
        <translation>&amp;Habilidades exigidas</translation>
    </message>
    <message>
        <source>Next occurrences</source>
        <translation>Próximas ocorrências</translation>
    </message>
    <message>
        <source>New &amp;plan</source>
        <translation>&amp;Novo plano</translation>
    </message>
    <message>
        <source>Save p&amp;lan</source>
        <translation>&amp;Salvar plano</translation>
    </message>
    <message>
        <source>(no asset)</source>
        <translation>(sem ativo)</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>a cada %n dia</numerusform>
            <numerusform>a cada %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>made up for %1</source>
        <translation>compensada em %1</translation>
    </message>
    <message>
        <source>No occurrence before the contract ends.</source>
        <translation>Nenhuma ocorrência antes do fim do contrato.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RenewContractDialog</name>
    <message>
        <source>Renew contract %1</source>
        <translation>Renovar o contrato %1</translation>
    </message>
    <message numerus="yes">
        <source>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan(s), moved to the new dates. It is one step on the undo stack.</source>
        <translation>
            <numerusform>A renovação mantém os termos, a cobertura e os locais e ativos cobertos de %1 e copia seu %n plano preventivo, movido para as novas datas. É uma única etapa na pilha de desfazer.</numerusform>
            <numerusform>A renovação mantém os termos, a cobertura e os locais e ativos cobertos de %1 e copia seus %n planos preventivos, movidos para as novas datas. É uma única etapa na pilha de desfazer.</numerusform>
        </translation>
    </message>
    <message>
        <source>New contract &amp;id:</source>
        <translation>&amp;Id do novo contrato:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Até:</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Renovar</translation>
    </message>
    <message>
        <source>The new contract needs an id of 1 to 64 characters without spaces.</source>
        <translation>O novo contrato precisa de um id de 1 a 64 caracteres sem espaços.</translation>
    </message>
    <message>
        <source>The renewal cannot end before it starts.</source>
        <translation>A renovação não pode terminar antes de começar.</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RepairDialog</name>
    <message>
        <source>Repair options</source>
        <translation>Opções de reparo</translation>
    </message>
    <message>
        <source>Option</source>
        <extracomment>Column headings of the repair options: the cost in minutes, visits moved, visits sent to the queue, added travel, minutes past the SLA.</extracomment>
        <translation>Opção</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Custo</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Movidas</translation>
    </message>
    <message>
        <source>To queue</source>
        <translation>Para a fila</translation>
    </message>
    <message>
        <source>Added travel</source>
        <translation>Deslocamento a mais</translation>
    </message>
    <message>
        <source>Past SLA</source>
        <translation>Após o SLA</translation>
    </message>
    <message>
        <source>&amp;Apply option</source>
        <translation>&amp;Aplicar opção</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.</source>
        <translation>Nada é deslocado: o dia absorve a mudança como está.</translation>
    </message>
    <message>
        <source>Displaced: %1.</source>
        <translation>Deslocadas: %1.</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1.</source>
        <translation>Mantidas no lugar (travadas ou em andamento): %1.</translation>
    </message>
    <message>
        <source>Cheapest first; the cost is in minutes.</source>
        <translation>A mais barata primeiro; o custo é em minutos.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>Minutes of driving an option of a repair adds.</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 às %2</translation>
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
        <translation>Vazio: tempos de deslocamento em linha reta</translation>
    </message>
    <message>
        <source>The base address of an OSRM routing service, e.g. http://127.0.0.1:5000</source>
        <translation>O endereço base de um serviço de rotas OSRM, p. ex. http://127.0.0.1:5000</translation>
    </message>
    <message>
        <source>&amp;Routing service URL:</source>
        <translation>URL do serviço de &amp;rotas:</translation>
    </message>
    <message>
        <source>Suggestions and Optimize ask this OSRM service for road travel times between sites (one table request for many places). When it does not answer within 3 s or answers an error, they use straight-line travel times, say why, and leave the service alone for a minute. Without a service, they and the day&apos;s repairs scale straight-line times by how slowly technicians really drove in each territory (fieldops-cli travel-speeds), never below them. The Conflicts view always uses straight-line times.</source>
        <translation>Sugestões e Otimizar pedem a este serviço OSRM os tempos de deslocamento por estrada entre locais (uma requisição de tabela para muitos lugares). Quando ele não responde em 3 s ou responde com erro, usam tempos em linha reta, dizem por quê e deixam o serviço de lado por um minuto. Sem serviço, eles e os reparos do dia escalam os tempos em linha reta pela lentidão real com que os técnicos dirigiram em cada território (fieldops-cli travel-speeds), nunca abaixo deles. A vista Conflitos sempre usa tempos em linha reta.</translation>
    </message>
    <message>
        <source>Reading the recorded drives…</source>
        <translation>Lendo os trajetos registrados…</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Território</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Trechos</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Fator</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planejamento</translation>
    </message>
    <message>
        <source>Travel speeds learned from the drives of %1 to %2 (a factor needs %3 legs):</source>
        <translation>Velocidades aprendidas dos trajetos de %1 a %2 (um fator precisa de %3 trechos):</translation>
    </message>
    <message>
        <source>The learned travel speeds could not be read: %1</source>
        <translation>Não foi possível ler as velocidades aprendidas: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ScheduleBoard</name>
    <message>
        <source>Schedule board</source>
        <translation>Quadro de programação</translation>
    </message>
    <message>
        <source>Mark absent: drag along a technician&apos;s row over the time they are away; Esc leaves the mode.</source>
        <translation>Marcar ausência: arraste na linha de um técnico sobre o período em que ele estará fora; Esc sai do modo.</translation>
    </message>
    <message>
        <source>Open work order</source>
        <translation>Abrir ordem de serviço</translation>
    </message>
    <message>
        <source>Open on map</source>
        <translation>Abrir no mapa</translation>
    </message>
    <message>
        <source>Edit work order…</source>
        <translation>Editar ordem de serviço…</translation>
    </message>
    <message>
        <source>Cancel work order…</source>
        <translation>Cancelar ordem de serviço…</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Remover atribuição</translation>
    </message>
    <message>
        <source>Swap the two visits</source>
        <translation>Trocar as duas visitas</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Alterar status</translation>
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
        <translation>Status: %1 · Prioridade %2</translation>
    </message>
    <message>
        <source> · locked</source>
        <translation> · bloqueada</translation>
    </message>
    <message>
        <source>SLA due %1</source>
        <translation>Prazo do SLA %1</translation>
    </message>
    <message numerus="yes">
        <source>Travel before: %n min</source>
        <translation>
            <numerusform>Deslocamento antes: %n min</numerusform>
            <numerusform>Deslocamento antes: %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the visit&apos;s outcome…</source>
        <translation>Corrigir o resultado da visita…</translation>
    </message>
    <message>
        <source>Record the visit&apos;s outcome…</source>
        <translation>Registrar o resultado da visita…</translation>
    </message>
    <message>
        <source>Each technician&apos;s local time</source>
        <translation>Hora local de cada técnico</translation>
    </message>
    <message>
        <source>Each row is placed by its technician&apos;s own wall clock: 08:00 in São Paulo and 08:00 in Lisbon share a column. The hours above are local hours; what is saved is the exact instant in the technician&apos;s zone.</source>
        <translation>Cada linha é posicionada pelo relógio local do seu técnico: 08:00 em São Paulo e 08:00 em Lisboa ocupam a mesma coluna. As horas acima são horas locais; o que se grava é o instante exato no fuso do técnico.</translation>
    </message>
    <message>
        <source>Times in %1 (Tools → Settings… → Display)</source>
        <translation>Horários em %1 (Ferramentas → Configurações… → Exibição)</translation>
    </message>
    <message>
        <source>Visit runs long…</source>
        <translation>Visita demora mais…</translation>
    </message>
    <message>
        <source>Technician off sick from now…</source>
        <translation>Técnico doente a partir de agora…</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>Faltam na van de %1: %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SchedulePage</name>
    <message>
        <source>Read only: your role can view the schedule but not change it.</source>
        <translation>Somente leitura: seu papel pode ver a programação, mas não alterá-la.</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>Carregando a programação…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SuggestionPanel</name>
    <message>
        <source>&amp;Book</source>
        <extracomment>Verb: book (schedule) the chosen technician and time for the work order.</extracomment>
        <translation>&amp;Agendar</translation>
    </message>
    <message>
        <source>Book the chosen slot (Enter). Undo takes it back.</source>
        <translation>Agendar o horário escolhido (Enter). Desfazer o remove.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Close the suggestions (Esc).</source>
        <translation>Fechar as sugestões (Esc).</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board, then choose Suggest technician (Ctrl+G).</source>
        <translation>Selecione uma ordem de serviço na fila ou no quadro e escolha Sugerir técnico (Ctrl+G).</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>Nenhum horário viável: %1</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugestões</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechnicianForm</name>
    <message>
        <source>Like T-042; cannot be changed later</source>
        <translation>Como T-042; não pode ser alterado depois</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Employment:</source>
        <translation>&amp;Vínculo:</translation>
    </message>
    <message>
        <source>S&amp;kills:</source>
        <translation>&amp;Habilidades:</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>&amp;Território:</translation>
    </message>
    <message>
        <source>Latitude, like -23.55</source>
        <translation>Latitude, como -23.55</translation>
    </message>
    <message>
        <source>Longitude, like -46.63</source>
        <translation>Longitude, como -46.63</translation>
    </message>
    <message>
        <source>&amp;Home base:</source>
        <translation>&amp;Base:</translation>
    </message>
    <message>
        <source>Where the technician starts and ends the day</source>
        <translation>Onde o técnico começa e termina o dia</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuso horário:</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>&amp;Turno:</translation>
    </message>
    <message>
        <source>Working &amp;days:</source>
        <translation>&amp;Dias úteis:</translation>
    </message>
    <message>
        <source>Empty when not known</source>
        <translation>Vazio quando desconhecido</translation>
    </message>
    <message>
        <source>Hourly &amp;cost:</source>
        <translation>&amp;Custo por hora:</translation>
    </message>
    <message>
        <source>Active: gets new work</source>
        <translation>Ativo: recebe novos trabalhos</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>(sem território)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechniciansView</name>
    <message>
        <source>Filter by name or id</source>
        <translation>Filtrar por nome ou id</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>Todos os territórios</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>Qualquer vínculo</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Ativos e inativos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Somente ativos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Somente inativos</translation>
    </message>
    <message>
        <source>&amp;New technician</source>
        <translation>&amp;Novo técnico</translation>
    </message>
    <message>
        <source>Choose a technician in the list, or add a new one.</source>
        <translation>Escolha um técnico na lista ou adicione um novo.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Reverter</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Ausências</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Add absence…</source>
        <translation>&amp;Adicionar ausência…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <source>New technician</source>
        <translation>Novo técnico</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desativar</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Rea&amp;tivar</translation>
    </message>
    <message>
        <source>Keeps the technician and their history; the board gives them no new work</source>
        <translation>Mantém o técnico e seu histórico; o quadro não lhe atribui novos trabalhos</translation>
    </message>
    <message>
        <source>The board may give them work again</source>
        <translation>O quadro pode voltar a lhe atribuir trabalhos</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TileSourcePage</name>
    <message>
        <source>Map tiles</source>
        <translation>Blocos do mapa</translation>
    </message>
    <message>
        <source>&amp;Online tile server</source>
        <translation>Servidor de blocos &amp;online</translation>
    </message>
    <message>
        <source>Offline &amp;MBTiles file</source>
        <translation>Arquivo &amp;MBTiles offline</translation>
    </message>
    <message>
        <source>&amp;No tiles (plain grid with latitude and longitude lines)</source>
        <translation>&amp;Sem blocos (grade simples com linhas de latitude e longitude)</translation>
    </message>
    <message>
        <source>An address with {z}, {x} and {y} where the zoom, column and row go</source>
        <translation>Um endereço com {z}, {x} e {y} onde entram o zoom, a coluna e a linha</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Use the standard OpenStreetMap tile server</source>
        <translation>Usar o servidor de blocos padrão do OpenStreetMap</translation>
    </message>
    <message>
        <source>The source&apos;s default (for OpenStreetMap: © OpenStreetMap contributors)</source>
        <translation>O padrão da fonte (para OpenStreetMap: © colaboradores do OpenStreetMap)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>URL template:</source>
        <translation>Modelo de URL:</translation>
    </message>
    <message>
        <source>Attribution:</source>
        <translation>Atribuição:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Arquivo:</translation>
    </message>
    <message>
        <source>Tile cache</source>
        <translation>Cache de blocos</translation>
    </message>
    <message>
        <source>&amp;Clear cache</source>
        <translation>&amp;Limpar cache</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Local:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamanho:</translation>
    </message>
    <message>
        <source>The URL template is empty: enter a tile server address or choose another source.</source>
        <translation>O modelo de URL está vazio: informe o endereço de um servidor de blocos ou escolha outra fonte.</translation>
    </message>
    <message>
        <source>The URL template has no %1: it needs {z}, {x} and {y} where the tile&apos;s zoom, column and row go.</source>
        <translation>O modelo de URL não tem %1: ele precisa de {z}, {x} e {y} onde entram o zoom, a coluna e a linha do bloco.</translation>
    </message>
    <message>
        <source>The URL template is not an http:// or https:// address: %1</source>
        <translation>O modelo de URL não é um endereço http:// ou https://: %1</translation>
    </message>
    <message>
        <source>No MBTiles file chosen: pick one with Browse… or choose another source.</source>
        <translation>Nenhum arquivo MBTiles escolhido: escolha um com Procurar… ou escolha outra fonte.</translation>
    </message>
    <message>
        <source>The MBTiles file cannot be used: %1</source>
        <translation>O arquivo MBTiles não pode ser usado: %1</translation>
    </message>
    <message>
        <source>Choose an MBTiles file</source>
        <translation>Escolha um arquivo MBTiles</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>Arquivos MBTiles (*.mbtiles);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>The tile cache is cleared.</source>
        <translation>O cache de blocos foi limpo.</translation>
    </message>
    <message>
        <source>Some cached tiles could not be deleted from %1.</source>
        <translation>Alguns blocos em cache não puderam ser excluídos de %1.</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>medindo…</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vazio</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeEntryCorrectionDialog</name>
    <message>
        <source>Correct time entry %1</source>
        <translation>Corrigir lançamento de tempo %1</translation>
    </message>
    <message>
        <source>%1 on work order %2: %3, %4 to %5</source>
        <translation>%1 na ordem de serviço %2: %3, %4 a %5</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Início:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Fim:</translation>
    </message>
    <message>
        <source>&amp;Billable to the customer</source>
        <translation>&amp;Faturável ao cliente</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>O que foi feito</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentário:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeReviewView</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>A&amp;té:</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>Todos os técnicos</translation>
    </message>
    <message>
        <source>Tec&amp;hnician:</source>
        <translation>Téc&amp;nico:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprovar</translation>
    </message>
    <message>
        <source>Approve the selected pending entries as entered (Ctrl+Enter)</source>
        <translation>Aprovar os lançamentos pendentes selecionados como foram lançados (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corrigir…</translation>
    </message>
    <message>
        <source>Correct the selected entry&apos;s times, billable flag or comment</source>
        <translation>Corrigir os horários, o faturamento ou o comentário do lançamento selecionado</translation>
    </message>
    <message>
        <source>E&amp;xport billing…</source>
        <translation>E&amp;xportar faturamento…</translation>
    </message>
    <message>
        <source>Write the billing of a period as CSV and PDF</source>
        <translation>Gravar o faturamento de um período em CSV e PDF</translation>
    </message>
    <message>
        <source>Approve selected entries</source>
        <translation>Aprovar lançamentos selecionados</translation>
    </message>
    <message>
        <source>Entries shown: %1 · hours: %2 · billable hours: %3 · flagged: %4</source>
        <translation>Lançamentos mostrados: %1 · horas: %2 · horas faturáveis: %3 · com alerta: %4</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TransferDialog</name>
    <message>
        <source>Transfer stock</source>
        <translation>Transferir estoque</translation>
    </message>
    <message>
        <source>Choose a part</source>
        <translation>Escolha uma peça</translation>
    </message>
    <message>
        <source>Choose a warehouse or van</source>
        <translation>Escolha um almoxarifado ou van</translation>
    </message>
    <message>
        <source>How many, e.g. 2</source>
        <translation>Quantas, p. ex. 2</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>&amp;Peça:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Pa&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantidade:</translation>
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
        <translation>Aguardando um técnico: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>Adicionar usuário</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>nome de login</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>Alterar o papel de %1</translation>
    </message>
    <message>
        <source>Territories of %1</source>
        <translation>Territórios de %1</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Territories:</source>
        <translation>&amp;Territórios:</translation>
    </message>
    <message>
        <source>Nothing checked: every territory. Territories limit what a dispatcher may schedule.</source>
        <translation>Nada marcado: todos os territórios. Os territórios limitam o que um despachante pode programar.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UsersView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Adicionar…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Alterar &amp;papel…</translation>
    </message>
    <message>
        <source>&amp;Territories…</source>
        <translation>&amp;Territórios…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desativar</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Atuali&amp;zar</translation>
    </message>
    <message>
        <source>Add a login in a FieldOps role</source>
        <translation>Adicionar um login em um papel do FieldOps</translation>
    </message>
    <message>
        <source>Move the selected login to another role</source>
        <translation>Mover o login selecionado para outro papel</translation>
    </message>
    <message>
        <source>Limit the selected login to territories (none: all)</source>
        <translation>Limitar o login selecionado a territórios (nenhum: todos)</translation>
    </message>
    <message>
        <source>Let the selected login log in, or not</source>
        <translation>Permitir ou não que o login selecionado entre</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ati&amp;var</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Não realizado: %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::VisitOutcomeDialog</name>
    <message>
        <source>Correct the outcome of visit %1</source>
        <translation>Corrigir o resultado da visita %1</translation>
    </message>
    <message>
        <source>Record the outcome of visit %1</source>
        <translation>Registrar o resultado da visita %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 at %4, booked %5 – %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 em %4, agendada %5 – %6</translation>
    </message>
    <message>
        <source>&amp;Arrived:</source>
        <translation>&amp;Chegou:</translation>
    </message>
    <message>
        <source>&amp;Work ended:</source>
        <translation>&amp;Trabalho terminou:</translation>
    </message>
    <message>
        <source>&amp;Left at</source>
        <translation>&amp;Saiu às</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>Saída:</translation>
    </message>
    <message>
        <source>&amp;Resolved: the job is done</source>
        <translation>&amp;Resolvida: o serviço está feito</translation>
    </message>
    <message>
        <source>&amp;Not resolved</source>
        <translation>&amp;Não resolvida</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <extracomment>The reason list&apos;s first entry when the visit did not fix the job and no reason is chosen yet.</extracomment>
        <translation>Escolha o motivo…</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>What was done, what remains for a return visit</source>
        <translation>O que foi feito, o que resta para uma visita de retorno</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Name of the customer&apos;s person who signed</source>
        <translation>Nome da pessoa do cliente que assinou</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>A&amp;ssinado por:</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>p. ex. 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the return visit must bring: they are listed on its work order and reserved in the technician&apos;s van or a warehouse that has them</source>
        <translation>As peças que a visita de retorno deve levar: ficam listadas na ordem de serviço dela e reservadas na van do técnico ou num almoxarifado que as tenha</translation>
    </message>
    <message>
        <source>&amp;Parts needed:</source>
        <translation>&amp;Peças necessárias:</translation>
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
        <translation>Palavras a procurar no id, resumo, cliente, local ou técnico da ordem de serviço</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Active (not done)</source>
        <translation>Ativas (não concluídas)</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos os tipos</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Todas as prioridades</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Limpar filtros</translation>
    </message>
    <message>
        <source>%1 work orders</source>
        <translation>%1 ordens de serviço</translation>
    </message>
    <message>
        <source>%1 of %2 work orders</source>
        <translation>%1 de %2 ordens de serviço</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderForm</name>
    <message>
        <source>Name, phone, email or id</source>
        <translation>Nome, telefone, e-mail ou id</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Local:</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>&amp;Ativo:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioridade:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>What the customer reported, in a few words</source>
        <translation>O que o cliente relatou, em poucas palavras</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Resumo:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>&amp;Habilidades exigidas:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Estimated d&amp;uration:</source>
        <translation>D&amp;uração estimada:</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Somente entre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>e</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;window:</source>
        <translation>&amp;Janela do cliente:</translation>
    </message>
    <message>
        <source>From the contract</source>
        <translation>Do contrato</translation>
    </message>
    <message>
        <source>SLA &amp;due:</source>
        <translation>&amp;Prazo do SLA:</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2 (%3, opened %4)</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2 (%3, aberta em %4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly reported already&lt;/b&gt; — open work on this site:&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Possivelmente já relatado&lt;/b&gt; — trabalho em aberto neste local:&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>(choose the customer first)</source>
        <translation>(escolha o cliente primeiro)</translation>
    </message>
    <message>
        <source>(choose a site)</source>
        <translation>(escolha um local)</translation>
    </message>
    <message>
        <source>(no particular asset)</source>
        <translation>(nenhum ativo específico)</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1: um reparo pode ser um acionamento de garantia</translation>
    </message>
    <message>
        <source>Typed over; the contract says: %1</source>
        <translation>Digitado por cima; o contrato diz: %1</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>Responder até %1</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>p. ex. 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the technician must bring: the board and the suggestions compare them with the technicians&apos; vans.</source>
        <translation>As peças que o técnico deve levar: o quadro e as sugestões as comparam com as vans dos técnicos.</translation>
    </message>
    <message>
        <source>Parts &amp;needed:</source>
        <translation>Peças &amp;necessárias:</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderInspector</name>
    <message>
        <source>no SLA</source>
        <translation>sem SLA</translation>
    </message>
    <message>
        <source> (breached %1 h %2 min ago)</source>
        <translation> (violado há %1 h %2 min)</translation>
    </message>
    <message>
        <source> (in %1 h %2 min)</source>
        <translation> (em %1 h %2 min)</translation>
    </message>
    <message>
        <source>Select a work order in the table, the queue or the alerts to see its details.</source>
        <translation>Selecione uma ordem de serviço na tabela, na fila ou nos alertas para ver seus detalhes.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Local:</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>Ativo:</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Contrato:</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>Habilidades:</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>The customer&apos;s time window for the visit (when the technician may come), not a window on screen.</extracomment>
        <translation>Janela:</translation>
    </message>
    <message>
        <source>Respond by:</source>
        <translation>Responder até:</translation>
    </message>
    <message>
        <source>SLA due:</source>
        <translation>Prazo do SLA:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duração:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Criada:</translation>
    </message>
    <message>
        <source>Technician</source>
        <extracomment>Columns of the visits list: when the technician arrived and left, and how the visit ended.</extracomment>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Agendamentos</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalhes</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Histórico</translation>
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
        <translation>%1 (nº de série %2)</translation>
    </message>
    <message>
        <source>warranty until %1</source>
        <translation>garantia até %1</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1: um reparo pode ser um acionamento de garantia</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>qualquer horário</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Work order and its visits</source>
        <translation>Ordem de serviço e suas visitas</translation>
    </message>
    <message>
        <source>Work order only</source>
        <translation>Somente a ordem de serviço</translation>
    </message>
    <message>
        <source>Visit %1 · %2 · %3</source>
        <translation>Visita %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Assinado por %1</translation>
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
        <translation>tempo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time booked&lt;/b&gt; %1, billable %2</source>
        <translation>&lt;b&gt;Tempo lançado&lt;/b&gt; %1, faturável %2</translation>
    </message>
    <message>
        <source> (%1 not reviewed yet)</source>
        <translation> (%1 ainda não revisado)</translation>
    </message>
    <message>
        <source>%1 × %2 (%3) from %4 on visit %5</source>
        <translation>%1 × %2 (%3) de %4 na visita %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parts used&lt;/b&gt;</source>
        <translation>&lt;b&gt;Peças usadas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rating&lt;/b&gt; %1 of 5</source>
        <translation>&lt;b&gt;Avaliação&lt;/b&gt; %1 de 5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remains&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Pendente&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Chegou</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Saiu</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>lida %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>entregue %1</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>ainda não entregue</translation>
    </message>
    <message>
        <source>%1 to %2: %3 (%4)</source>
        <translation>%1 para %2: %3 (%4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notices to the technicians&lt;/b&gt;</source>
        <translation>&lt;b&gt;Avisos aos técnicos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Peças:</translation>
    </message>
    <message>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2 (%3)</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>Faltam na van de %1: %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Estimate %1; too little history to predict (completed visits of this type: %2, %3 needed)</source>
        <translation>Estimativa %1; histórico insuficiente para prever (visitas concluídas deste tipo: %2, são precisas %3)</translation>
    </message>
    <message>
        <source>Predicted %1 (%2 – %3); estimate %4</source>
        <translation>Prevista %1 (%2 – %3); estimativa %4</translation>
    </message>
    <message>
        <source>on this model: %1</source>
        <translation>neste modelo: %1</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>por %1: %2</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1</source>
        <translation>Visitas concluídas deste tipo: %1</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1 (%2)</source>
        <translation>Visitas concluídas deste tipo: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderStoryWindow</name>
    <message>
        <source>Work order story</source>
        <translation>História da ordem de serviço</translation>
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
        <translation>Selecione uma ordem de serviço para ver sua história.</translation>
    </message>
    <message>
        <source>Story of work order %1</source>
        <translation>História da ordem de serviço %1</translation>
    </message>
    <message>
        <source>No work order is shown.</source>
        <translation>Nenhuma ordem de serviço é exibida.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>work-order-%1.pdf</source>
        <translation>ordem-de-servico-%1.pdf</translation>
    </message>
    <message>
        <source>Export the story as PDF</source>
        <translation>Exportar a história como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Arquivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>Ordem de serviço %1</translation>
    </message>
</context>
<context>
    <name>fieldops::workorders::WorkOrderFormModel</name>
    <message>
        <source>Under warranty until %1</source>
        <translation>Na garantia até %1</translation>
    </message>
    <message>
        <source>Warranty ended on %1</source>
        <translation>Garantia encerrada em %1</translation>
    </message>
    <message>
        <source>choose the customer who called</source>
        <translation>escolha o cliente que ligou</translation>
    </message>
    <message>
        <source>site %1 is not one of this customer&apos;s</source>
        <translation>o local %1 não é deste cliente</translation>
    </message>
    <message>
        <source>this customer has no site yet: add one on the customer&apos;s page</source>
        <translation>este cliente ainda não tem local: adicione um na página do cliente</translation>
    </message>
    <message>
        <source>asset %1 is not at this site</source>
        <translation>o ativo %1 não está neste local</translation>
    </message>
    <message>
        <source>say in a few words what the customer reported</source>
        <translation>diga em poucas palavras o que o cliente relatou</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>habilidade(s) desconhecida(s): %1</translation>
    </message>
</context>
<context>
    <name>interchange</name>
    <message>
        <source>%1 is outside [%2, %3]</source>
        <translation>%1 está fora de [%2, %3]</translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation>%1 deve ser maior que %2</translation>
    </message>
    <message>
        <source>%1 must be at least %2</source>
        <translation>%1 deve ser no mínimo %2</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>um valor é obrigatório</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; não é um número inteiro</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; não é um número</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not 0 or 1</source>
        <translation>&quot;%1&quot; não é 0 ou 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z (like 2026-03-02T08:00:00-03:00)</source>
        <translation>&quot;%1&quot; não é um carimbo de data/hora ISO 8601 com deslocamento ou Z (como 2026-03-02T08:00:00-03:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>&quot;%1&quot; não é uma data AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM</source>
        <translation>&quot;%1&quot; não é um horário HH:MM</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM (or 24:00)</source>
        <translation>&quot;%1&quot; não é um horário HH:MM (ou 24:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IANA time zone (like America/Sao_Paulo)</source>
        <translation>&quot;%1&quot; não é um fuso horário IANA (como America/Sao_Paulo)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; não é um de %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>&quot;%1&quot; não é um dia da semana (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not warehouse:&lt;id&gt; or van:&lt;technician_id&gt;</source>
        <translation>&quot;%1&quot; não é warehouse:&lt;id&gt; nem van:&lt;technician_id&gt;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>is not valid UTF-8</source>
        <translation>não é UTF-8 válido</translation>
    </message>
    <message>
        <source>a quoted cell opened on line %1 is never closed</source>
        <translation>uma célula entre aspas aberta na linha %1 nunca é fechada</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>texto inesperado após aspas de fechamento</translation>
    </message>
    <message>
        <source>a quote inside an unquoted cell (quote the whole cell and double the quote)</source>
        <translation>aspas dentro de uma célula sem aspas (coloque a célula inteira entre aspas e duplique as aspas)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>não é possível criar o diretório %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>gravando %1</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>a exportação foi cancelada</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>%1: the file is empty and was skipped</source>
        <translation>%1: o arquivo está vazio e foi ignorado</translation>
    </message>
    <message>
        <source>the column appears twice in the header</source>
        <translation>a coluna aparece duas vezes no cabeçalho</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; is unknown and was ignored</source>
        <translation>%1: a coluna &quot;%2&quot; é desconhecida e foi ignorada</translation>
    </message>
    <message>
        <source>the required column is missing</source>
        <translation>a coluna obrigatória está faltando</translation>
    </message>
    <message>
        <source>the row has %1 cells but the header has %2</source>
        <translation>a linha tem %1 células, mas o cabeçalho tem %2</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was written</source>
        <translation>a importação foi cancelada; nada foi gravado</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 não é um diretório</translation>
    </message>
    <message>
        <source>the default time zone &quot;%1&quot; is not an IANA time zone</source>
        <translation>o fuso horário padrão &quot;%1&quot; não é um fuso horário IANA</translation>
    </message>
    <message>
        <source>%1: not an interchange file; ignored</source>
        <translation>%1: não é um arquivo de intercâmbio; ignorado</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>lendo %1</translation>
    </message>
    <message>
        <source>checking references and double bookings</source>
        <translation>verificando referências e agendamentos duplos</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>gravando</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(e mais %n problema)</numerusform>
            <numerusform>(e mais %n problemas)</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears again (first on line %2)</source>
        <translation>&quot;%1&quot; aparece novamente (primeiro na linha %2)</translation>
    </message>
    <message>
        <source>%1 is before %2 %3</source>
        <translation>%1 é anterior a %2 %3</translation>
    </message>
    <message>
        <source>%1 is not after %2 %3</source>
        <translation>%1 não é posterior a %2 %3</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot; in %2</source>
        <translation>técnico desconhecido &quot;%1&quot; em %2</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation>não há %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>linha %1</translation>
    </message>
    <message>
        <source>already in the database</source>
        <translation>já está no banco de dados</translation>
    </message>
    <message>
        <source>technician %1 is double-booked: overlaps appointment %2 (%3, %4 to %5)</source>
        <translation>o técnico %1 tem agendamento duplo: sobrepõe o agendamento %2 (%3, %4 a %5)</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>habilidade</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>território</translation>
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
        <translation>local</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>ativo</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>plano de manutenção</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>ordem de serviço</translation>
    </message>
    <message>
        <source>part</source>
        <translation>peça</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>as leituras de %1 estão em &quot;%2&quot;, não em &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot; (line %4), not &quot;%5&quot;</source>
        <translation>as leituras de %1 do ativo %2 estão em &quot;%3&quot; (linha %4), não em &quot;%5&quot;</translation>
    </message>
    <message>
        <source>contract %1 cannot renew itself</source>
        <translation>o contrato %1 não pode renovar a si mesmo</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to the contract&apos;s customer %3</source>
        <translation>o local %1 pertence ao cliente %2, não ao cliente %3 do contrato</translation>
    </message>
    <message>
        <source>asset %1 is at site %2 of customer %3, not of the contract&apos;s customer %4</source>
        <translation>o ativo %1 está no local %2 do cliente %3, não do cliente %4 do contrato</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>work order %1 cannot be a return visit of itself</source>
        <translation>a ordem de serviço %1 não pode ser visita de retorno de si mesma</translation>
    </message>
    <message>
        <source>work order %1 is in a loop of return visits that follow each other</source>
        <translation>a ordem de serviço %1 está num ciclo de visitas de retorno que se seguem umas às outras</translation>
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
        <translation>FieldOps Console: um console de despacho para operações de serviços de campo.</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db (default: FIELDOPS_DB, else the choice made at the first start).</source>
        <translation>URL do banco de dados: sqlite:///abs/path.db ou postgresql://user@host:port/db (padrão: FIELDOPS_DB, senão a escolha feita na primeira inicialização).</translation>
    </message>
    <message>
        <source>Open the demo database (demo.db in the data folder, or the --db database), filling it with the demo operation when it is empty.</source>
        <translation>Abrir o banco de dados de demonstração (demo.db na pasta de dados, ou o banco de dados de --db), preenchendo-o com a operação de demonstração quando estiver vazio.</translation>
    </message>
    <message>
        <source>Draw VIEW (%1) of the console into the PNG FILE and exit.</source>
        <translation>Desenhar a VIEW (%1) do console no FILE PNG e sair.</translation>
    </message>
    <message>
        <source>With --screenshot: the PNG file to write.</source>
        <translation>Com --screenshot: o arquivo PNG a gravar.</translation>
    </message>
    <message>
        <source>--screenshot needs a view and a file: --screenshot VIEW FILE</source>
        <translation>--screenshot precisa de uma visão e de um arquivo: --screenshot VIEW FILE</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
</context>
</TS>

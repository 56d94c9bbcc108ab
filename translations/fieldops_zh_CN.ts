<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbsenceRules</name>
    <message>
        <source>Vacation</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>病假</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>the absence belongs to a technician</source>
        <translation>缺勤必须属于某位技术员</translation>
    </message>
    <message>
        <source>when does the absence start?</source>
        <translation>缺勤何时开始？</translation>
    </message>
    <message>
        <source>when does the absence end?</source>
        <translation>缺勤何时结束？</translation>
    </message>
    <message>
        <source>the absence must end after it starts (%1)</source>
        <translation>缺勤的结束时间必须晚于开始时间（%1）</translation>
    </message>
    <message>
        <source>keep the reason to %1 characters (it has %2)</source>
        <translation>原因请控制在 %1 个字符以内（当前 %2 个）</translation>
    </message>
    <message>
        <source>overlaps the absence from %1 to %2%3</source>
        <translation>与 %1 至 %2%3 的缺勤重叠</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot;</source>
        <translation>未知技术员“%1”</translation>
    </message>
    <message>
        <source>absence %1 no longer exists</source>
        <translation>缺勤 %1 已不存在</translation>
    </message>
    <message>
        <source>visit %1 is no longer booked during this absence; look at the list again</source>
        <translation>上门 %1 在此缺勤期间已不再排定；请重新查看列表</translation>
    </message>
</context>
<context>
    <name>AlertEdits</name>
    <message>
        <source>alert_key: this alert cannot be dismissed</source>
        <translation>alert_key：此警报无法忽略</translation>
    </message>
    <message>
        <source>reason: say why the alert is dismissed</source>
        <translation>reason：请说明忽略警报的原因</translation>
    </message>
    <message>
        <source>reason: the reason is longer than %1 characters</source>
        <translation>reason：原因超过 %1 个字符</translation>
    </message>
    <message>
        <source>alert_key: the alert was dismissed already</source>
        <translation>alert_key：该警报已被忽略</translation>
    </message>
</context>
<context>
    <name>AlertRules</name>
    <message>
        <source>SLA due soon within</source>
        <translation>SLA 即将到期的范围</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Late after the start by more than</source>
        <translation>开始后迟到超过</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Missed starts and silences stay alerts for</source>
        <translation>未按时开始和失联保持警报的时长</translation>
    </message>
    <message>
        <source>Overrunning after its planned length by</source>
        <translation>超出计划时长</translation>
    </message>
    <message>
        <source>Technician on shift without a position for</source>
        <translation>值班技术员无位置的时长</translation>
    </message>
    <message>
        <source>Unresolved visits with nothing booked, from the last</source>
        <translation>未解决且无后续预约的拜访，统计最近</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>%1: %2 is not from %3 to %4</source>
        <translation>%1：%2 不在 %3 到 %4 之间</translation>
    </message>
</context>
<context>
    <name>AppointmentWriter</name>
    <message>
        <source>appointment %1 was changed by someone else; it was reloaded and nothing was undone</source>
        <translation>预约 %1 已被他人修改；已重新加载，未撤销任何内容</translation>
    </message>
    <message>
        <source>appointment %1 no longer exists</source>
        <translation>预约 %1 已不存在</translation>
    </message>
    <message>
        <source>appointment %1 was changed by someone else in the meantime; it was reloaded</source>
        <translation>预约 %1 在此期间已被他人修改；已重新加载</translation>
    </message>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>工单 %1 已不存在</translation>
    </message>
</context>
<context>
    <name>AssetHealth</name>
    <message>
        <source>%1 %2, limit %3 %4 for %5 min</source>
        <translation>%1 %2，限值：%3 %4，持续 %5 分钟</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>%1 changing %2 per hour, limit %3</source>
        <translation>%1 每小时变化 %2，限值 %3</translation>
    </message>
    <message>
        <source>%1: %2 used of %3</source>
        <translation>%1：已使用 %2 / %3</translation>
    </message>
    <message>
        <source>%1 %2 standard deviations from its usual, band %3</source>
        <translation>%1 偏离常规值 %2 个标准差，区间 %3</translation>
    </message>
    <message>
        <source>breached: </source>
        <translation>已越限： </translation>
    </message>
    <message>
        <source>beyond, not yet for long enough: </source>
        <translation>已超出限值，但持续时间尚不足： </translation>
    </message>
    <message>
        <source>no recent readings</source>
        <translation>无近期读数</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>没有资产 %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>AssignWorkOrderCommand</name>
    <message>
        <source>%1 is inactive and gets no new work; reactivate them on the Technicians tab first</source>
        <translation>%1 处于停用状态，不会分配新工作；请先在“技术员”选项卡中重新启用</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>required skill</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>KPI 目标</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>维护计划</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>窗口开始</translation>
    </message>
    <message>
        <source>window end</source>
        <translation>窗口结束</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>SLA 截止</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>rated at</source>
        <translation>评分时间</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>amber threshold</source>
        <translation>黄色阈值</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>home latitude</source>
        <translation>住址纬度</translation>
    </message>
    <message>
        <source>home longitude</source>
        <translation>住址经度</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>已排程</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>在现场</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>BillingCalculator</name>
    <message>
        <source>no rate</source>
        <translation>无费率</translation>
    </message>
    <message>
        <source>parts included</source>
        <translation>含备件</translation>
    </message>
    <message>
        <source>no unit cost</source>
        <translation>无单位成本</translation>
    </message>
</context>
<context>
    <name>BillingExport</name>
    <message>
        <source>--out: %1 is not a directory</source>
        <translation>--out：%1 不是目录</translation>
    </message>
    <message>
        <source>--out: %1 cannot be created</source>
        <translation>--out：无法创建 %1</translation>
    </message>
    <message>
        <source>--out: %1 is not writable</source>
        <translation>--out：%1 不可写</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>BillingStatement</name>
    <message>
        <source>Work orders without a contract</source>
        <translation>无合同的工单</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>Contract %1 — %2</source>
        <translation>合同 %1 — %2</translation>
    </message>
    <message>
        <source>Approved billable hours</source>
        <translation>已批准的可计费工时</translation>
    </message>
    <message>
        <source>Hours included in the period</source>
        <translation>本期包含的工时</translation>
    </message>
    <message>
        <source>Hours beyond the included hours</source>
        <translation>超出包含工时的部分</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>小时费率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>固定费用</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4</source>
        <translation>%1 %2，%3：%4</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>No time or parts billed in the period.</source>
        <translation>本期没有计费的工时或备件。</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>已计费</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Total for the customer: %1</source>
        <translation>客户合计：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>%1 的对账单</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (UTC days)</source>
        <translation>期间：%1 至 %2（UTC 日）</translation>
    </message>
    <message>
        <source>Time entries awaiting review, not billed: %1</source>
        <translation>待审核、未计费的工时记录：%1</translation>
    </message>
    <message>
        <source>Nothing to bill from %1 to %2.</source>
        <translation>%1 至 %2 期间没有可计费的内容。</translation>
    </message>
    <message>
        <source>Billing %1 to %2</source>
        <translation>计费 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>BoardLoader</name>
    <message>
        <source>work order %1 no longer exists</source>
        <translation>工单 %1 已不存在</translation>
    </message>
</context>
<context>
    <name>BookDayPlanCommand</name>
    <message>
        <source>The schedule changed since this day was optimized: nothing was booked.</source>
        <translation>此日优化后排程已发生变化：未排定任何内容。</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was booked.</source>
        <translation>工单 %1 已不再处于打开状态：未排定任何内容。</translation>
    </message>
</context>
<context>
    <name>ConditionEvaluation</name>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 持续 %4 分钟</translation>
    </message>
    <message>
        <source>%1 changing by %2 per hour over %3 min, %4 the limit of %5 per hour</source>
        <translation>%1 在 %3 分钟内每小时变化 %2，%4 每小时 %5 的限值</translation>
    </message>
    <message>
        <source>%1 used %2 since the last preventive or proactive visit (interval %3)</source>
        <translation>%1 自上次预防性或主动性上门以来已使用 %2（间隔 %3）</translation>
    </message>
    <message>
        <source>%1 outside its usual band (mean ± %2 standard deviations of the same hour of the week over %3 weeks) for %4 min</source>
        <translation>%1 超出其常规区间（%3 周内每周同一小时的均值 ± %2 个标准差）持续 %4 分钟</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>another session</source>
        <translation>另一个会话</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>episode %1 of rule %2 was changed by another evaluation</source>
        <translation>规则 %2 的事件段 %1 已被另一次评估修改</translation>
    </message>
    <message>
        <source>Opened by condition rule %1%2: %3.
Readings: %4.</source>
        <translation>由状态规则 %1%2 打开：%3。
读数：%4。</translation>
    </message>
    <message>
        <source>rule %1 on asset %2: the work order is refused: %3</source>
        <translation>资产 %2 上的规则 %1：工单被拒绝：%3</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>另一个控制台</translation>
    </message>
</context>
<context>
    <name>ConditionRuleStore</name>
    <message>
        <source>unknown key</source>
        <translation>未知键</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>one of asset_id and asset_model is required</source>
        <translation>asset_id 和 asset_model 必须提供其一</translation>
    </message>
    <message>
        <source>give asset_id or asset_model, not both</source>
        <translation>请提供 asset_id 或 asset_model，不能同时提供</translation>
    </message>
    <message>
        <source>is required (threshold, rate, usage or anomaly)</source>
        <translation>为必填项（threshold、rate、usage 或 anomaly）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not threshold, rate, usage or anomaly</source>
        <translation>“%1”不是 threshold、rate、usage 或 anomaly</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>a usage rule counts runtime_hours or cycles</source>
        <translation>usage 规则计算 runtime_hours 或 cycles</translation>
    </message>
    <message>
        <source>is no parameter of a %1 rule</source>
        <translation>不是 %1 规则的参数</translation>
    </message>
    <message>
        <source>is required for a %1 rule</source>
        <translation>是 %1 规则的必填项</translation>
    </message>
    <message>
        <source>must be above or below</source>
        <translation>必须为 above 或 below</translation>
    </message>
    <message>
        <source>must be from 1 to 1440</source>
        <translation>必须在 1 到 1440 之间</translation>
    </message>
    <message>
        <source>must be from 2 to 1440</source>
        <translation>必须在 2 到 1440 之间</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>must be from %1 to 52</source>
        <translation>必须在 %1 到 52 之间</translation>
    </message>
    <message>
        <source>is required: the work order&apos;s summary</source>
        <translation>为必填项：工单的摘要</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是 %1 之一</translation>
    </message>
    <message>
        <source>must be skill codes</source>
        <translation>必须是技能代码</translation>
    </message>
    <message>
        <source>must be a &apos;;&apos; list or an array of skill codes</source>
        <translation>必须是以“;”分隔的列表或技能代码数组</translation>
    </message>
    <message>
        <source>must be from 1 to 4</source>
        <translation>必须在 1 到 4 之间</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <source>rule %1 already exists</source>
        <translation>规则 %1 已存在</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>没有资产 %1</translation>
    </message>
    <message>
        <source>no asset has the model %1</source>
        <translation>没有型号为 %1 的资产</translation>
    </message>
    <message>
        <source>unknown skill %1</source>
        <translation>未知技能 %1</translation>
    </message>
    <message numerus="yes">
        <source>rule %1 has already opened work (%n episode(s)); make it inactive instead</source>
        <translation>
            <numerusform>规则 %1 已打开过工作（%n 个事件段）；请改为将其停用</numerusform>
        </translation>
    </message>
    <message>
        <source>rule %1 was changed or removed by someone else</source>
        <translation>规则 %1 已被他人修改或删除</translation>
    </message>
    <message>
        <source>a rule&apos;s id cannot change (%1)</source>
        <translation>规则的 ID 不能更改（%1）</translation>
    </message>
    <message>
        <source>no condition rule %1</source>
        <translation>没有条件规则 %1</translation>
    </message>
    <message>
        <source>rule %1 was removed by someone else meanwhile</source>
        <translation>规则 %1 已在此期间被他人删除</translation>
    </message>
    <message>
        <source>rule %1 was changed by someone else meanwhile (version %2, not %3); read it again</source>
        <translation>规则 %1 已在此期间被他人更改（版本 %2，而非 %3）；请重新读取</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) overlap: double booking (%5)</source>
        <translation>%1（%2）与 %3（%4）重叠：重复排定（%5）</translation>
    </message>
    <message>
        <source>%1 between the end of %2 and the start of %3, but travel takes %4</source>
        <translation>%2 结束与 %3 开始之间有 %1，但路程需要 %4</translation>
    </message>
    <message>
        <source>%1 starts %2 before %3 ends, and travel takes %4</source>
        <translation>%1 在 %3 结束前 %2 开始，且路程需要 %4</translation>
    </message>
    <message>
        <source>%1 falls on a day off (%2, %3)</source>
        <translation>%1 落在休息日（%2，%3）</translation>
    </message>
    <message>
        <source>%1 is not inside the shift %2 (%3)</source>
        <translation>%1 不在班次 %2 内（%3）</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1 and %2 more</source>
        <translation>与该技术员的缺勤 %1 及另外 %2 项重叠</translation>
    </message>
    <message>
        <source>intersects the technician&apos;s absence %1</source>
        <translation>与该技术员的缺勤 %1 重叠</translation>
    </message>
    <message>
        <source>the technician lacks the skill(s) %1 that %2 requires</source>
        <translation>技术员缺少 %2 所需的技能 %1</translation>
    </message>
    <message>
        <source>starts %1, before the window opens %2</source>
        <translation>开始于 %1，早于窗口开启时间 %2</translation>
    </message>
    <message>
        <source>ends %1, after the window closes %2</source>
        <translation>结束于 %1，晚于窗口关闭时间 %2</translation>
    </message>
    <message>
        <source>ends %1, %2 after the SLA of %3 is due (%4, %5)</source>
        <translation>结束于 %1，比 %3 的 SLA 截止时间晚 %2（%4，%5）</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>服务器未说明该用户的权限</translation>
    </message>
    <message>
        <source>%1 is the field gateway&apos;s login (role field): it may only call the gateway&apos;s server functions and cannot open the console; connect as a dispatcher, planner, manager or admin</source>
        <translation>%1 是现场网关的登录（角色 field）：只能调用网关的服务器函数，不能打开控制台；请以调度员、计划员、经理或管理员身份连接</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>not connected to a database</source>
        <translation>未连接到数据库</translation>
    </message>
</context>
<context>
    <name>ContractPage</name>
    <message>
        <source>contract %1 does not exist</source>
        <translation>合同 %1 不存在</translation>
    </message>
</context>
<context>
    <name>ContractRules</name>
    <message>
        <source>give %1</source>
        <translation>请提供 %1</translation>
    </message>
    <message>
        <source>%1 is a whole number from %2 to %3</source>
        <translation>%1 是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>%1 is an amount of zero or more</source>
        <translation>%1 是零或更大的金额</translation>
    </message>
    <message>
        <source>coverage is 24x7 or business_hours, not &quot;%1&quot;</source>
        <translation>服务时段应为 24x7 或 business_hours，而不是“%1”</translation>
    </message>
    <message>
        <source>business hours need at least one covered day</source>
        <translation>工作时间至少需要覆盖一天</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>“%1”不是有效的星期（Mon、Tue、Wed、Thu、Fri、Sat、Sun）</translation>
    </message>
    <message>
        <source>opening time is HH:MM, e.g. 08:00</source>
        <translation>开始营业时间格式为 HH:MM，例如 08:00</translation>
    </message>
    <message>
        <source>closing time is HH:MM, e.g. 18:00 (24:00 for midnight)</source>
        <translation>结束营业时间格式为 HH:MM，例如 18:00（午夜为 24:00）</translation>
    </message>
    <message>
        <source>closing time must be after the opening time %1</source>
        <translation>结束营业时间必须晚于开始营业时间 %1</translation>
    </message>
    <message>
        <source>choose the customer the contract is with</source>
        <translation>请选择签订合同的客户</translation>
    </message>
    <message>
        <source>give the contract a name planners and dispatchers recognise, e.g. &quot;Gold 24×7&quot;</source>
        <translation>请为合同起一个计划员和调度员都能识别的名称，例如“金牌 24×7”</translation>
    </message>
    <message>
        <source>the first day is a date YYYY-MM-DD</source>
        <translation>第一天应为日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the last day is a date YYYY-MM-DD</source>
        <translation>最后一天应为日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>the contract cannot end before it starts (%1)</source>
        <translation>合同不能在开始之前结束（%1）</translation>
    </message>
    <message>
        <source>the response time in hours</source>
        <translation>响应时间（小时）</translation>
    </message>
    <message>
        <source>the resolution time in hours</source>
        <translation>解决时间（小时）</translation>
    </message>
    <message>
        <source>resolving cannot take less time than responding (%1 h)</source>
        <translation>解决时间不能短于响应时间（%1 小时）</translation>
    </message>
    <message>
        <source>the fixed fee</source>
        <translation>固定费用</translation>
    </message>
    <message>
        <source>included hours</source>
        <translation>包含工时</translation>
    </message>
    <message>
        <source>the hourly rate</source>
        <translation>小时费率</translation>
    </message>
    <message>
        <source>the fee is per month, quarter or year</source>
        <translation>费用按月、季度或年收取</translation>
    </message>
    <message>
        <source>a contract cannot renew itself</source>
        <translation>合同不能续签其自身</translation>
    </message>
    <message>
        <source>a plan belongs to a contract</source>
        <translation>计划必须属于某个合同</translation>
    </message>
    <message>
        <source>say what the visit does, e.g. &quot;Quarterly filter change&quot;</source>
        <translation>请说明此次上门的内容，例如“季度滤网更换”</translation>
    </message>
    <message>
        <source>the interval in days</source>
        <translation>间隔（天）</translation>
    </message>
    <message>
        <source>the visit&apos;s length in minutes</source>
        <translation>上门时长（分钟）</translation>
    </message>
    <message>
        <source>the lead time in days</source>
        <translation>提前期（天）</translation>
    </message>
    <message>
        <source>the first occurrence is a date YYYY-MM-DD</source>
        <translation>首次执行日期应为 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>not a recurrence, e.g. &quot;every 1 months on last Fri&quot;</source>
        <translation>不是有效的重复规则，例如“every 1 months on last Fri”</translation>
    </message>
    <message>
        <source>months are numbers 1 to 12, e.g. 4;5;6</source>
        <translation>月份为 1 到 12 的数字，例如 4;5;6</translation>
    </message>
    <message>
        <source>the preferred start is HH:MM, e.g. 09:00</source>
        <translation>首选开始时间格式为 HH:MM，例如 09:00</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 已被占用：ID 必须唯一</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>未知客户“%1”</translation>
    </message>
    <message>
        <source>site %1 is not a site of customer %2</source>
        <translation>站点 %1 不是客户 %2 的站点</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of customer %2</source>
        <translation>资产 %1 不在客户 %2 的站点</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>未知区域“%1”</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>未知合同“%1”</translation>
    </message>
    <message>
        <source>asset %1 is not at a site of the contract&apos;s customer</source>
        <translation>资产 %1 不在该合同客户的站点</translation>
    </message>
    <message>
        <source>unknown skill &quot;%1&quot;</source>
        <translation>未知技能“%1”</translation>
    </message>
</context>
<context>
    <name>ContractsView</name>
    <message>
        <source>Your role may read contracts and plans but not change them.</source>
        <translation>您的角色可以查看合同和计划，但不能修改。</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>customer %1 does not exist</source>
        <translation>客户 %1 不存在</translation>
    </message>
</context>
<context>
    <name>CustomerRules</name>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>“%1”不是电子邮件地址</translation>
    </message>
    <message>
        <source>a phone number has digits, spaces and + ( ) - . / only</source>
        <translation>电话号码只能包含数字、空格和 + ( ) - . /</translation>
    </message>
    <message>
        <source>give the contact&apos;s name</source>
        <translation>请填写联系人姓名</translation>
    </message>
    <message>
        <source>give a phone number or an email, so the contact can be reached</source>
        <translation>请提供电话号码或电子邮件，以便联系到该联系人</translation>
    </message>
    <message>
        <source>give the site a name or an address, so dispatchers can tell it apart</source>
        <translation>请为站点填写名称或地址，以便调度员区分</translation>
    </message>
    <message>
        <source>choose the site&apos;s time zone (its clock for windows and SLAs)</source>
        <translation>请选择站点的时区（用于时间窗口和 SLA 的时钟）</translation>
    </message>
    <message>
        <source>the warranty cannot end before the asset was installed</source>
        <translation>保修结束时间不能早于资产安装时间</translation>
    </message>
    <message>
        <source>give the model or the serial number, so technicians find the right unit</source>
        <translation>请填写型号或序列号，以便技术员找到正确的设备</translation>
    </message>
    <message>
        <source>%1 is taken: ids are unique</source>
        <translation>%1 已被占用：ID 必须唯一</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>未知客户“%1”</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>未知区域“%1”</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>未知站点“%1”</translation>
    </message>
    <message>
        <source>give the record an id (your systems&apos; id, or any short code)</source>
        <translation>请为记录指定 ID（您系统中的 ID 或任意短代码）</translation>
    </message>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>ID 长度为 1 到 64 个字符，且不含空格</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Your role may read customers, sites and assets but not change them.</source>
        <translation>您的角色可以查看客户、站点和资产，但不能修改。</translation>
    </message>
</context>
<context>
    <name>DayPlan</name>
    <message>
        <source>no site to go to</source>
        <translation>没有要前往的站点</translation>
    </message>
    <message>
        <source>no qualified technician: nobody active holds every required skill</source>
        <translation>没有合格的技术员：没有在职技术员具备全部所需技能</translation>
    </message>
    <message>
        <source>the customer&apos;s window is shorter than the work</source>
        <translation>客户的时间窗口短于工作时长</translation>
    </message>
    <message>
        <source>outside every shift: no qualified technician works that day</source>
        <translation>不在任何班次内：当天没有合格的技术员上班</translation>
    </message>
    <message>
        <source>every qualified technician is absent that day</source>
        <translation>当天所有合格的技术员都缺勤</translation>
    </message>
    <message>
        <source>the time window cannot be met inside a qualified technician&apos;s shift</source>
        <translation>无法在合格技术员的班次内满足时间窗口</translation>
    </message>
    <message>
        <source>no room left in the qualified technicians&apos; day</source>
        <translation>合格技术员当天已无空余时间</translation>
    </message>
    <message>
        <source>the visit found would break a rule check (travel or overlap)</source>
        <translation>找到的上门安排会违反规则检查（路程或重叠）</translation>
    </message>
</context>
<context>
    <name>DayPlanLoader</name>
    <message>
        <source>territory %1 does not exist</source>
        <translation>区域 %1 不存在</translation>
    </message>
</context>
<context>
    <name>DayPlanWriter</name>
    <message>
        <source>the schedule changed while the day was planned; nothing was written, plan again</source>
        <translation>规划当天时排程已发生变化；未写入任何内容，请重新规划</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, plan again</source>
        <translation>工单 %1 已不再处于打开状态；未写入任何内容，请重新规划</translation>
    </message>
</context>
<context>
    <name>DayRepair</name>
    <message>
        <source>technician %1 does not exist</source>
        <translation>技术员 %1 不存在</translation>
    </message>
    <message>
        <source>technician %1&apos;s day %2 is over by %3: nothing is left to repair</source>
        <translation>技术员 %1 的 %2 这一天在 %3 已结束：没有可修复的内容</translation>
    </message>
    <message>
        <source>reported absent</source>
        <translation>已报告缺勤</translation>
    </message>
    <message>
        <source>visit %1 is not booked around %2</source>
        <translation>访问 %1 未安排在 %2 前后</translation>
    </message>
    <message>
        <source>an overrun needs a positive number of minutes</source>
        <translation>超时需要正数的分钟数</translation>
    </message>
    <message>
        <source>work order %1 is not in the queue for %2 (open, nobody booked, its window meeting the day)</source>
        <translation>工单 %1 不在 %2 的队列中（未关闭、无人预约、其时间窗口与当天相交）</translation>
    </message>
    <message>
        <source>Reassign to colleagues</source>
        <translation>改派给同事</translation>
    </message>
    <message>
        <source>Push later the same day</source>
        <translation>同一天推后</translation>
    </message>
    <message>
        <source>Send back to the queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <source>Book where it fits</source>
        <translation>在有空处预约</translation>
    </message>
    <message>
        <source>Bump a lower-priority visit</source>
        <translation>挤掉一个较低优先级的访问</translation>
    </message>
    <message>
        <source>Leave in the queue</source>
        <translation>留在队列中</translation>
    </message>
</context>
<context>
    <name>DayRepairWriter</name>
    <message>
        <source>the schedule changed while the repair was worked out; nothing was written, repair again</source>
        <translation>计算修复方案期间排程已变更；未写入任何内容，请重新修复</translation>
    </message>
    <message>
        <source>work order %1 is no longer open; nothing was written, repair again</source>
        <translation>工单 %1 已不再处于打开状态；未写入任何内容，请重新修复</translation>
    </message>
</context>
<context>
    <name>DemoSeedRunner</name>
    <message>
        <source>Creating the schema…</source>
        <translation>正在创建数据库架构…</translation>
    </message>
    <message>
        <source>Preparing the demo database…</source>
        <translation>正在准备演示数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>FieldOps 演示</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>the demo seeding was cancelled; nothing was written</source>
        <translation>演示数据填充已取消；未写入任何内容</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>填充已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>the number of technicians must be between 1 and 5000</source>
        <translation>技术员数量必须在 1 到 5000 之间</translation>
    </message>
    <message>
        <source>the days of history must be between 0 and 3650</source>
        <translation>历史天数必须在 0 到 3650 之间</translation>
    </message>
    <message>
        <source>the days ahead must be between 0 and 60</source>
        <translation>未来天数必须在 0 到 60 之间</translation>
    </message>
    <message>
        <source>the number of customers must be between 1 and 200000</source>
        <translation>客户数量必须在 1 到 200000 之间</translation>
    </message>
    <message>
        <source>the demo&apos;s current time is not a valid clock time</source>
        <translation>演示的当前时间不是有效的时钟时间</translation>
    </message>
    <message>
        <source>the database already holds technicians, customers or work orders; demo data goes into an empty database only</source>
        <translation>数据库中已有技术员、客户或工单；演示数据只能写入空数据库</translation>
    </message>
    <message>
        <source>Generating the demo operation</source>
        <translation>正在生成演示业务数据</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>正在写入演示数据</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>DurationHistory</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>工单 %1 不存在</translation>
    </message>
</context>
<context>
    <name>EditChannel</name>
    <message>
        <source>Not connected to a database: nothing was changed.</source>
        <translation>未连接到数据库：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>FieldEvent</name>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must be a non-empty text id</source>
        <translation>必须是非空的文本 ID</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z</source>
        <translation>必须是带时区偏移或 Z 的 ISO 8601 时间，例如 2026-12-03T13:05:00Z</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的数字</translation>
    </message>
    <message>
        <source>must be a number of at least %1</source>
        <translation>必须是不小于 %1 的数字</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是 %1 之一</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>is required when lat is given</source>
        <translation>提供 lat 时为必填项</translation>
    </message>
    <message>
        <source>is required when lon is given</source>
        <translation>提供 lon 时为必填项</translation>
    </message>
    <message>
        <source>must not be before arrived_at</source>
        <translation>不得早于 arrived_at</translation>
    </message>
    <message>
        <source>must be after start</source>
        <translation>必须晚于 start</translation>
    </message>
    <message>
        <source>must be a number greater than 0</source>
        <translation>必须是大于 0 的数字</translation>
    </message>
    <message>
        <source>must be van:&lt;technician_id&gt; or warehouse:&lt;id&gt;</source>
        <translation>必须为 van:&lt;technician_id&gt; 或 warehouse:&lt;id&gt;</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 5</source>
        <translation>必须是 1 到 5 的整数</translation>
    </message>
    <message>
        <source>%1 is in the future (now is %2)</source>
        <translation>%1 在未来（当前时间为 %2）</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 读数的单位是“%2”，而不是“%3”</translation>
    </message>
    <message>
        <source>line is not a JSON object</source>
        <translation>该行不是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation>未知类型“%1”</translation>
    </message>
    <message>
        <source>must be a whole number greater than 0</source>
        <translation>必须是大于 0 的整数</translation>
    </message>
    <message>
        <source>must be text, one of position, status, outcome, time_entry, part_used, rating, reading, delivered, read</source>
        <translation>必须是文本，取值之一：position、status、outcome、time_entry、part_used、rating、reading、delivered、read</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>only an outcome with reason needs_parts lists parts</source>
        <translation>只有原因为 needs_parts 的结果才能列出零件</translation>
    </message>
    <message>
        <source>item %1 must be an object with a non-empty text sku and a quantity</source>
        <translation>第 %1 项必须是一个对象，包含非空文本 sku 和数量</translation>
    </message>
    <message>
        <source>item %1 (%2): quantity must be a number greater than 0</source>
        <translation>第 %1 项（%2）：数量必须是大于 0 的数</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 列出了两次</translation>
    </message>
</context>
<context>
    <name>FieldEventWriter</name>
    <message>
        <source>no appointment %1</source>
        <translation>没有预约 %1</translation>
    </message>
    <message>
        <source>appointment %1 is cancelled</source>
        <translation>预约 %1 已取消</translation>
    </message>
    <message>
        <source>no technician %1</source>
        <translation>没有技术员 %1</translation>
    </message>
    <message>
        <source>appointment %1 is already completed</source>
        <translation>预约 %1 已完成</translation>
    </message>
    <message>
        <source>work order %1 of appointment %2 is cancelled; a cancelled job cannot be resolved</source>
        <translation>预约 %2 的工单 %1 已取消；已取消的工作无法解决</translation>
    </message>
    <message>
        <source>no work order %1</source>
        <translation>没有工单 %1</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>没有备件 %1</translation>
    </message>
    <message>
        <source>no stock of %1 at %2</source>
        <translation>%2 处没有 %1 的库存</translation>
    </message>
    <message>
        <source>%1 is more than the %2 of %3 in stock at %4</source>
        <translation>%1 超过了 %4 处 %3 的库存量 %2</translation>
    </message>
    <message>
        <source>no asset %1</source>
        <translation>没有资产 %1</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot;, not &quot;%4&quot;</source>
        <translation>资产 %2 的 %1 读数单位是“%3”，而不是“%4”</translation>
    </message>
    <message>
        <source>no notice %1 in the outbox</source>
        <translation>发件箱中没有通知 %1</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was written (%3)</source>
        <translation>%1 早于通知 %2 的写入时间（%3）</translation>
    </message>
    <message>
        <source>notice %1 is not delivered yet</source>
        <translation>通知 %1 尚未送达</translation>
    </message>
    <message>
        <source>%1 is before notice %2 was delivered (%3)</source>
        <translation>%1 早于通知 %2 的送达时间（%3）</translation>
    </message>
</context>
<context>
    <name>FollowUpOrders</name>
    <message>
        <source>Return visit: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1：数量必须大于 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 列出了两次</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>没有零件 %1</translation>
    </message>
    <message>
        <source>Not needed: the outcome of visit %1 was corrected</source>
        <translation>不再需要：访问 %1 的结果已更正</translation>
    </message>
</context>
<context>
    <name>GeneratePmCommand</name>
    <message>
        <source>Cannot undo the preventive generation: %1. Nothing was removed.</source>
        <translation>无法撤销预防性工作的生成：%1。未删除任何内容。</translation>
    </message>
    <message>
        <source>Cannot redo the preventive generation: %1. Nothing was written.</source>
        <translation>无法重做预防性工作的生成：%1。未写入任何内容。</translation>
    </message>
    <message>
        <source>work order %1 has been scheduled since (it has a visit)</source>
        <translation>工单 %1 此后已被排程（已有上门）</translation>
    </message>
    <message>
        <source>work order %1 is %2 now, no longer open</source>
        <translation>工单 %1 当前状态为 %2，已不再处于打开状态</translation>
    </message>
    <message>
        <source>work order %1 has been changed since it was generated</source>
        <translation>工单 %1 在生成后已被修改</translation>
    </message>
    <message>
        <source>work order %1 has been deleted since</source>
        <translation>工单 %1 此后已被删除</translation>
    </message>
    <message>
        <source>another console changed one of its work orders meanwhile</source>
        <translation>另一个控制台在此期间修改了其中一个工单</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1：文件为空</translation>
    </message>
    <message>
        <source>%1: the required column day is missing</source>
        <translation>%1：缺少必需的列 day</translation>
    </message>
    <message>
        <source>%1 is not a date YYYY-MM-DD</source>
        <translation>%1 不是日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>空单元格</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 重复列出</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>雇佣类型</translation>
    </message>
    <message>
        <source>Work-order type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>正式员工</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>承包商</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>纠正性维修</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>预防性维护</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>Work orders closed</source>
        <translation>已关闭工单</translation>
    </message>
    <message>
        <source>First-time fix</source>
        <translation>首次修复</translation>
    </message>
    <message>
        <source>On-time arrival</source>
        <translation>准时到达</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA 达成率</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>解决时长</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Billable ratio</source>
        <translation>可计费比例</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Jobs per technician-day</source>
        <translation>每技术员日工作数</translation>
    </message>
    <message>
        <source>Work orders whose closing visit completed in the period</source>
        <translation>收尾上门在本期完成的工单</translation>
    </message>
    <message>
        <source>Closed work orders fixed at their first visit</source>
        <translation>首次上门即修复的已关闭工单</translation>
    </message>
    <message>
        <source>Visits that arrived at most 15 minutes after the planned start</source>
        <translation>在计划开始后 15 分钟内到达的上门</translation>
    </message>
    <message>
        <source>Work orders due in the period that were closed by their SLA</source>
        <translation>本期到期且在 SLA 内关闭的工单</translation>
    </message>
    <message>
        <source>Mean hours from creation to closing</source>
        <translation>从创建到关闭的平均小时数</translation>
    </message>
    <message>
        <source>Time on site over shift time, less absences</source>
        <translation>现场时间占班次时间（扣除缺勤）的比例</translation>
    </message>
    <message>
        <source>Billable hours over all logged hours</source>
        <translation>可计费工时占全部记录工时的比例</translation>
    </message>
    <message>
        <source>Mean customer score (1–5)</source>
        <translation>客户平均评分（1–5）</translation>
    </message>
    <message>
        <source>Customer ratings given in the period</source>
        <translation>本期收到的客户评分</translation>
    </message>
    <message>
        <source>Completed visits per technician and calendar day</source>
        <translation>每位技术员每个日历日完成的上门次数</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
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
        <translation>只有经理和管理员可以更改 KPI 目标；服务器已拒绝</translation>
    </message>
    <message>
        <source>someone else set a target for %1 in the meantime; it was reloaded</source>
        <translation>在此期间他人已为 %1 设置了目标；已重新加载</translation>
    </message>
    <message>
        <source>the target for %1 was changed or removed by someone else in the meantime; it was reloaded</source>
        <translation>在此期间 %1 的目标已被他人更改或删除；已重新加载</translation>
    </message>
    <message>
        <source>the target for %1 is gone</source>
        <translation>%1 的目标已不存在</translation>
    </message>
    <message>
        <source>the target was changed or removed by someone else in the meantime</source>
        <translation>在此期间该目标已被他人更改或删除</translation>
    </message>
</context>
<context>
    <name>KpiTargetRules</name>
    <message>
        <source>unknown KPI &quot;%1&quot;</source>
        <translation>未知 KPI“%1”</translation>
    </message>
    <message>
        <source>%1: the target must be a number</source>
        <translation>%1：目标必须是数字</translation>
    </message>
    <message>
        <source>between 0% and 100%</source>
        <translation>介于 0% 和 100% 之间</translation>
    </message>
    <message>
        <source>between 1 and 5</source>
        <translation>介于 1 和 5 之间</translation>
    </message>
    <message>
        <source>zero or more</source>
        <translation>为零或更大</translation>
    </message>
    <message>
        <source>%1: the target must be %2</source>
        <translation>%1：目标必须%2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must be %2</source>
        <translation>%1：黄色阈值必须%2</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be above the target (higher is better)</source>
        <translation>%1：黄色阈值不得高于目标（越高越好）</translation>
    </message>
    <message>
        <source>%1: the amber threshold must not be below the target (lower is better)</source>
        <translation>%1：黄色阈值不得低于目标（越低越好）</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>near target</source>
        <translation>接近目标</translation>
    </message>
    <message>
        <source>off target</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>LostRaceExplainer</name>
    <message>
        <source>You (in another window)</source>
        <translation>您（在另一个窗口中）</translation>
    </message>
    <message>
        <source>you (in another window)</source>
        <translation>您（在另一个窗口中）</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>moved this visit to %1 at %2</source>
        <translation>将此上门移至 %1 的 %2</translation>
    </message>
    <message>
        <source>reassigned this visit to %1</source>
        <translation>将此上门重新分配给 %1</translation>
    </message>
    <message>
        <source>moved this visit to %1</source>
        <translation>将此上门移至 %1</translation>
    </message>
    <message>
        <source>changed this visit to end at %1</source>
        <translation>将此上门的结束时间改为 %1</translation>
    </message>
    <message>
        <source>unassigned this visit</source>
        <translation>取消了此上门的分配</translation>
    </message>
    <message>
        <source>changed the status of this visit to %1</source>
        <translation>将此上门的状态改为 %1</translation>
    </message>
    <message>
        <source>locked this visit</source>
        <translation>锁定了此上门</translation>
    </message>
    <message>
        <source>unlocked this visit</source>
        <translation>解锁了此上门</translation>
    </message>
    <message>
        <source>changed the status of this work order to %1</source>
        <translation>将此工单的状态改为 %1</translation>
    </message>
    <message>
        <source>changed the %1 of this %2</source>
        <translation>更改了此%2的%1</translation>
    </message>
    <message>
        <source>%1 deleted this %2 while you were editing</source>
        <translation>%1 在您编辑期间删除了此%2</translation>
    </message>
    <message>
        <source>%1 changed this %2 while you were editing</source>
        <translation>%1 在您编辑期间更改了此%2</translation>
    </message>
    <message>
        <source>%1 %2 while you were editing</source>
        <translation>%1 在您编辑期间%2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export KPIs</source>
        <translation>导出 KPI</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排程</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Asset health</source>
        <translation>资产健康状况</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>工时</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Fit all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message numerus="yes">
        <source>%n technician(s) predicted late</source>
        <translation>
            <numerusform>%n 名技术员预计迟到</numerusform>
        </translation>
    </message>
    <message>
        <source>tiles unreachable</source>
        <translation>无法访问地图瓦片</translation>
    </message>
    <message>
        <source>Board filter: %1 of %2 technicians</source>
        <translation>看板筛选：%2 名技术员中的 %1 名</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>在现场</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>the MBTiles file %1 does not exist</source>
        <translation>MBTiles 文件 %1 不存在</translation>
    </message>
    <message>
        <source>cannot open the MBTiles file %1</source>
        <translation>无法打开 MBTiles 文件 %1</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no metadata table)</source>
        <translation>%1 不是 MBTiles 文件（没有 metadata 表）</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (no tiles table)</source>
        <translation>%1 不是 MBTiles 文件（没有 tiles 表）</translation>
    </message>
    <message>
        <source>cannot read a tile from the MBTiles file</source>
        <translation>无法从 MBTiles 文件读取瓦片</translation>
    </message>
    <message numerus="yes">
        <source>no free slot for this technician in the next %n day(s)</source>
        <translation>
            <numerusform>未来 %n 天内该技术员没有空闲时段</numerusform>
        </translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap 贡献者</translation>
    </message>
    <message>
        <source>Map tiles: %1</source>
        <translation>地图瓦片：%1</translation>
    </message>
    <message>
        <source>Offline map tiles</source>
        <translation>离线地图瓦片</translation>
    </message>
    <message>
        <source>No map tiles: positions on a plain grid</source>
        <translation>无地图瓦片：位置显示在普通网格上</translation>
    </message>
    <message>
        <source>the tile server answered %1</source>
        <translation>瓦片服务器返回 %1</translation>
    </message>
</context>
<context>
    <name>OsrmTravelTime</name>
    <message>
        <source>it answered &quot;%1&quot;</source>
        <translation>它回答了“%1”</translation>
    </message>
    <message>
        <source>it answered &quot;%1&quot; (%2)</source>
        <translation>它回答了“%1”（%2）</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态 %1</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>回答不是 JSON（%1）</translation>
    </message>
    <message>
        <source>the answer&apos;s durations are not a table of %1 × %2 seconds</source>
        <translation>回答中的时长不是 %1 × %2 秒的表</translation>
    </message>
    <message>
        <source>routing service at %1: %2; using straight-line travel times</source>
        <translation>%1 处的路线服务：%2；改用直线行程时间</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无应答</translation>
    </message>
    <message>
        <source>routing service at %1: no road route from %2 to %3; using the straight-line travel time for it</source>
        <translation>%1 处的路线服务：从 %2 到 %3 没有道路路线；该段改用直线行程时间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a routing service URL such as http://127.0.0.1:5000</source>
        <translation>“%1”不是路线服务 URL（例如 http://127.0.0.1:5000）</translation>
    </message>
</context>
<context>
    <name>PartsText</name>
    <message>
        <source>&quot;%1&quot; is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)</source>
        <translation>&quot;%1&quot; 不是零件：请写 SKU，或 数量 × SKU（2 × FLT-100）</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1：数量必须大于 0</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 列出了两次</translation>
    </message>
</context>
<context>
    <name>PmGenerator</name>
    <message>
        <source>due override of plan %1: the day is not a date</source>
        <translation>计划 %1 的到期覆盖：该日不是日期</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: a holiday of territory %3, the calendar of contract %4</source>
        <translation>计划 %1 的到期覆盖至 %2：为区域 %3 的节假日，适用合同 %4 的日历</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 starts on %4</source>
        <translation>计划 %1 的到期覆盖至 %2：合同 %3 于 %4 开始</translation>
    </message>
    <message>
        <source>due override of plan %1 onto %2: contract %3 ends on %4</source>
        <translation>计划 %1 的到期覆盖至 %2：合同 %3 于 %4 结束</translation>
    </message>
    <message>
        <source>interval_days %1 is not positive</source>
        <translation>interval_days %1 不是正数</translation>
    </message>
    <message>
        <source>recurrence &quot;%1&quot;: %2</source>
        <translation>重复规则“%1”：%2</translation>
    </message>
    <message>
        <source>seasonal_months: %1</source>
        <translation>seasonal_months：%1</translation>
    </message>
    <message>
        <source>preferred_start &quot;%1&quot; is not HH:MM</source>
        <translation>preferred_start“%1”不是 HH:MM 格式</translation>
    </message>
    <message>
        <source>next_due is not a date</source>
        <translation>next_due 不是日期</translation>
    </message>
    <message>
        <source>the plan&apos;s asset has no site</source>
        <translation>该计划的资产没有站点</translation>
    </message>
    <message>
        <source>its work order was cancelled</source>
        <translation>其工单已被取消</translation>
    </message>
    <message>
        <source>contract %1 starts on %2</source>
        <translation>合同 %1 于 %2 开始</translation>
    </message>
    <message>
        <source>a holiday, and contract %1 ends before the next working day</source>
        <translation>节假日，且合同 %1 在下一个工作日之前结束</translation>
    </message>
    <message>
        <source>Preventive maintenance plan %1, occurrence of %2</source>
        <translation>预防性维护计划 %1，%2 的执行</translation>
    </message>
</context>
<context>
    <name>PmRecurrence</name>
    <message>
        <source>expected &quot;every N days&quot;, &quot;every N weeks [on Mon]&quot; or &quot;every N months [on day D | on first…fourth|last Fri]&quot;</source>
        <translation>应为“every N days”、“every N weeks [on Mon]”或“every N months [on day D | on first…fourth|last Fri]”</translation>
    </message>
    <message>
        <source>the interval &quot;%1&quot; is not a whole number from 1 to %2</source>
        <translation>间隔“%1”不是 1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not days, weeks or months</source>
        <translation>“%1”不是 days、weeks 或 months</translation>
    </message>
    <message>
        <source>a rule in days has no &quot;on&quot; part</source>
        <translation>以天为单位的规则没有“on”部分</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (Mon … Sun)</source>
        <translation>“%1”不是星期几（Mon … Sun）</translation>
    </message>
    <message>
        <source>the day of the month &quot;%1&quot; is not from 1 to 31</source>
        <translation>月中日期“%1”不在 1 到 31 之间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not first, second, third, fourth or last</source>
        <translation>“%1”不是 first、second、third、fourth 或 last</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month from 1 to 12</source>
        <translation>“%1”不是 1 到 12 之间的月份</translation>
    </message>
</context>
<context>
    <name>PmWorkOrderWriter</name>
    <message>
        <source>the database has no column %1.%2; run init to migrate it</source>
        <translation>数据库没有列 %1.%2；请运行 init 进行迁移</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the period must have a start date on or before its end date</source>
        <translation>期间的开始日期必须早于或等于结束日期</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>服务器未说明该用户的权限</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>工单 %1 不存在</translation>
    </message>
    <message>
        <source>work order %1 was changed by someone else; it has been reloaded</source>
        <translation>工单 %1 已被他人修改；已重新加载</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>未安装 Qt SQLite 驱动（QSQLITE）</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed</source>
        <translation>未安装 Qt PostgreSQL 驱动（QPSQL）</translation>
    </message>
    <message>
        <source>the root certificate path may not contain &apos;;&apos;: %1</source>
        <translation>根证书路径不能包含“;”：%1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>the technician already has an appointment at that time (double booking refused by the database)</source>
        <translation>该技术员在此时间已有预约（数据库拒绝了重复排定）</translation>
    </message>
    <message>
        <source>your role is not allowed to do this: %1</source>
        <translation>您的角色无权执行此操作：%1</translation>
    </message>
    <message>
        <source>the connection to the database was lost; nothing was saved</source>
        <translation>与数据库的连接已断开；未保存任何内容</translation>
    </message>
    <message>
        <source>the database refused the data: %1</source>
        <translation>数据库拒绝了数据：%1</translation>
    </message>
    <message>
        <source>internal error: nested transaction</source>
        <translation>内部错误：嵌套事务</translation>
    </message>
    <message>
        <source>internal error: commit without a transaction</source>
        <translation>内部错误：没有事务时提交</translation>
    </message>
    <message>
        <source>empty database URL</source>
        <translation>数据库 URL 为空</translation>
    </message>
    <message>
        <source>SQLite URL needs an absolute path, e.g. sqlite:///home/me/fieldops.db (got &quot;%1&quot;)</source>
        <translation>SQLite URL 需要绝对路径，例如 sqlite:///home/me/fieldops.db（收到的是“%1”）</translation>
    </message>
    <message>
        <source>malformed PostgreSQL URL: %1</source>
        <translation>PostgreSQL URL 格式错误：%1</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no host (expected postgresql://user@host:port/db)</source>
        <translation>PostgreSQL URL 中没有主机（应为 postgresql://user@host:port/db）</translation>
    </message>
    <message>
        <source>PostgreSQL URL has an invalid port</source>
        <translation>PostgreSQL URL 中的端口无效</translation>
    </message>
    <message>
        <source>PostgreSQL URL has no database name (expected postgresql://user@host:port/db)</source>
        <translation>PostgreSQL URL 中没有数据库名称（应为 postgresql://user@host:port/db）</translation>
    </message>
    <message>
        <source>unknown sslmode &quot;%1&quot; (one of %2)</source>
        <translation>未知 sslmode“%1”（可选值：%2）</translation>
    </message>
    <message>
        <source>unknown PostgreSQL URL option &quot;%1&quot; (sslmode, sslrootcert)</source>
        <translation>未知 PostgreSQL URL 选项“%1”（sslmode、sslrootcert）</translation>
    </message>
    <message>
        <source>database URL must start with sqlite:/// or postgresql:// (got &quot;%1&quot;)</source>
        <translation>数据库 URL 必须以 sqlite:/// 或 postgresql:// 开头（收到的是“%1”）</translation>
    </message>
    <message>
        <source>migration script %1 is missing from the build</source>
        <translation>构建中缺少迁移脚本 %1</translation>
    </message>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>数据库的架构版本为 %1，高于此控制台支持的版本（%2）；请更新 FieldOps</translation>
    </message>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>迁移 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>维护计划</translation>
    </message>
    <message>
        <source>%1: not a field of a %2</source>
        <translation>%1：不是%2的字段</translation>
    </message>
    <message>
        <source>%1: a %2 with this id already exists</source>
        <translation>%1：已存在具有此 ID 的%2</translation>
    </message>
    <message>
        <source>%1: a %2 needs an id</source>
        <translation>%1：%2需要 ID</translation>
    </message>
    <message>
        <source>the new %1 got no id</source>
        <translation>新的%1未获得 ID</translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 不存在</translation>
    </message>
    <message>
        <source>%1 %2 no longer exists</source>
        <translation>%1 %2 已不存在</translation>
    </message>
    <message>
        <source>%1 %2 was changed by someone else; it has been reloaded</source>
        <translation>%1 %2 已被他人修改；已重新加载</translation>
    </message>
    <message>
        <source>alert thresholds</source>
        <translation>警报阈值</translation>
    </message>
    <message>
        <source>dismissed alert</source>
        <translation>已忽略的警报</translation>
    </message>
    <message>
        <source>time entry</source>
        <translation>工时记录</translation>
    </message>
</context>
<context>
    <name>RepairDayCommand</name>
    <message>
        <source>The schedule changed since the repair was worked out: nothing was written.</source>
        <translation>自计算修复方案以来排程已变更：未写入任何内容。</translation>
    </message>
    <message>
        <source>The absence was not recorded.</source>
        <translation>缺勤未被记录。</translation>
    </message>
    <message>
        <source>Work order %1 is no longer open: nothing was written.</source>
        <translation>工单 %1 已不再处于打开状态：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message>
        <source>Connect to a database to see the schedule.</source>
        <translation>请连接数据库以查看排程。</translation>
    </message>
    <message>
        <source>The connection to the database is lost: the schedule is read only until it returns.</source>
        <translation>与数据库的连接已断开：恢复连接前排程为只读。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked (%2)</source>
        <translation>已拒绝：%1 已被排定（%2）</translation>
    </message>
    <message>
        <source>Refused: %1 is already booked %2–%3 with %4 · %5 (%6)</source>
        <translation>已拒绝：%1 已在 %2–%3 排定给 %4 · %5（%6）</translation>
    </message>
    <message>
        <source>Refused: double booking (%1)</source>
        <translation>已拒绝：重复排定（%1）</translation>
    </message>
    <message>
        <source>Saved with warnings: %1</source>
        <translation>已保存，但有警告：%1</translation>
    </message>
    <message>
        <source>Absent %1 %2–%3</source>
        <translation>缺勤 %1 %2–%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · covers %n visit(s)</source>
        <translation>
            <numerusform>%1 · 涉及 %n 次上门</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a work order in the queue first, then press Enter on the slot for it.</source>
        <translation>请先在队列中选择一个工单，然后在对应时段上按 Enter。</translation>
    </message>
    <message>
        <source>%1 is already on the board: select a work order in the queue.</source>
        <translation>%1 已在看板上：请在队列中选择一个工单。</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>排程看板</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4 %5 to %6, %7</source>
        <translation>%1 %2，%3，%4 %5 至 %6，%7</translation>
    </message>
    <message>
        <source>Schedule board: arrow keys move between technicians and times, Tab picks a visit</source>
        <translation>排程看板：方向键在技术员和时间之间移动，Tab 键选择上门</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, booked</source>
        <translation>%1，%2 %3 至 %4，已排定</translation>
    </message>
    <message>
        <source>%1, %2 %3 to %4, free</source>
        <translation>%1，%2 %3 至 %4，空闲</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Inactive · %1</source>
        <translation>已停用 · %1</translation>
    </message>
    <message>
        <source>No territory</source>
        <translation>无区域</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>the horizon needs a start before its end</source>
        <translation>时间范围的开始必须早于结束</translation>
    </message>
</context>
<context>
    <name>ScreenshotCommand</name>
    <message>
        <source>%1 has no FieldOps schema</source>
        <translation>%1 没有 FieldOps 架构</translation>
    </message>
    <message>
        <source>the database was not read within %1 s</source>
        <translation>未能在 %1 秒内读取数据库</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot;; the views are: %2</source>
        <translation>未知视图“%1”；可用视图为：%2</translation>
    </message>
    <message>
        <source>no database to draw: give --db URL or --demo, or choose one at a first start</source>
        <translation>没有可绘制的数据库：请指定 --db URL 或 --demo，或在首次启动时选择一个</translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>the console has no %1 view</source>
        <translation>控制台没有 %1 视图</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>around the clock</source>
        <translation>全天候</translation>
    </message>
    <message>
        <source>No contract: priority %1 default, %2 h</source>
        <translation>无合同：优先级 %1 默认，%2 小时</translation>
    </message>
    <message>
        <source>Contract %1, priority %2</source>
        <translation>合同 %1，优先级 %2</translation>
    </message>
    <message>
        <source>respond within 1 business hour</source>
        <translation>1 个工作小时内响应</translation>
    </message>
    <message>
        <source>respond within 1 hour</source>
        <translation>1 小时内响应</translation>
    </message>
    <message>
        <source>respond within %1 business hours</source>
        <translation>%1 个工作小时内响应</translation>
    </message>
    <message>
        <source>respond within %1 hours</source>
        <translation>%1 小时内响应</translation>
    </message>
    <message>
        <source>no response time set, priority default %1 h</source>
        <translation>未设置响应时间，优先级默认 %1 小时</translation>
    </message>
    <message>
        <source>, resolve within %1</source>
        <translation>，%1 内解决</translation>
    </message>
    <message>
        <source> (%1, site time)</source>
        <translation> (%1，站点时间)</translation>
    </message>
    <message>
        <source> (%1, site time, holidays of %2)</source>
        <translation> (%1，站点时间，%2 的节假日)</translation>
    </message>
    <message>
        <source>, around the clock</source>
        <translation>，全天候</translation>
    </message>
</context>
<context>
    <name>StartupDatabase</name>
    <message>
        <source>No file was chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database file; choose a new file name or a FieldOps database.</source>
        <translation>%1 不是 SQLite 数据库文件；请选择新的文件名或 FieldOps 数据库。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>文件夹 %1 不可写。</translation>
    </message>
    <message>
        <source>Could not create a FieldOps database in %1: %2</source>
        <translation>无法在 %1 中创建 FieldOps 数据库：%2</translation>
    </message>
</context>
<context>
    <name>StatusDiscrepancies</name>
    <message>
        <source>tapped on site at %1, %2 min before the phone arrived at %3</source>
        <translation>%1 点按“到场”，比手机到达时间 %3 早 %2 分钟</translation>
    </message>
    <message>
        <source>tapped on site at %1, %2 min after the phone arrived at %3</source>
        <translation>%1 点按“到场”，比手机到达时间 %3 晚 %2 分钟</translation>
    </message>
    <message>
        <source>the phone arrived at %1 but no on-site status was sent</source>
        <translation>手机于 %1 到达，但未发送“到场”状态</translation>
    </message>
    <message>
        <source>tapped on site at %1 but the phone was never at the site that day</source>
        <translation>%1 点按“到场”，但手机当天从未到过该地点</translation>
    </message>
    <message>
        <source>completed at %1 but the phone was never at the site that day</source>
        <translation>%1 完成，但手机当天从未到过该地点</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min before the phone left at %3</source>
        <translation>报告 %1 离开，比手机离开时间 %3 早 %2 分钟</translation>
    </message>
    <message>
        <source>reported leaving at %1, %2 min after the phone left at %3</source>
        <translation>报告 %1 离开，比手机离开时间 %3 晚 %2 分钟</translation>
    </message>
    <message>
        <source>completed at %1, %2 min before the phone left at %3</source>
        <translation>%1 完成，比手机离开时间 %3 早 %2 分钟</translation>
    </message>
    <message>
        <source>completed at %1, %2 min after the phone left at %3</source>
        <translation>%1 完成，比手机离开时间 %3 晚 %2 分钟</translation>
    </message>
    <message>
        <source>the phone left at %1 but the visit is not completed (status %2)</source>
        <translation>手机于 %1 离开，但拜访尚未完成（状态 %2）</translation>
    </message>
</context>
<context>
    <name>StockPlaces</name>
    <message>
        <source>Van of %1</source>
        <translation>%1 的车辆</translation>
    </message>
    <message>
        <source>Warehouse %1</source>
        <translation>仓库 %1</translation>
    </message>
</context>
<context>
    <name>StockRepository</name>
    <message>
        <source>quantity: %1 is not a positive number</source>
        <translation>quantity：%1 不是正数</translation>
    </message>
    <message>
        <source>from and to are both %1: a transfer moves stock between two locations</source>
        <translation>来源和目的地都是 %1：调拨是在两个地点之间移动库存</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>“%1”不是地点：请写 warehouse:名称 或 van:技术员</translation>
    </message>
    <message>
        <source>no part %1</source>
        <translation>没有零件 %1</translation>
    </message>
    <message>
        <source>no technician %1 for the van %2</source>
        <translation>没有与车辆 %2 对应的技术员 %1</translation>
    </message>
    <message>
        <source>no warehouse %1 holds any stock</source>
        <translation>没有仓库 %1 持有任何库存</translation>
    </message>
    <message>
        <source>there is no %1 at %2 to move</source>
        <translation>%2 处没有可移动的 %1</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than the %4 to move</source>
        <translation>%1 持有 %3 共 %2 件，少于要移动的 %4 件</translation>
    </message>
    <message>
        <source>min_quantity: %1 is not a number of 0 or more</source>
        <translation>min_quantity：%1 不是大于或等于 0 的数字</translation>
    </message>
    <message>
        <source>there is no %1 at %2 any more</source>
        <translation>%2 已没有 %1</translation>
    </message>
    <message>
        <source>the reorder point of %1 at %2 is %3 now, not %4: someone changed it meanwhile</source>
        <translation>%1 在 %2 的再订货点现在是 %3，而不是 %4：有人在此期间修改了它</translation>
    </message>
</context>
<context>
    <name>SuggestionLoader</name>
    <message>
        <source>work order %1 does not exist</source>
        <translation>工单 %1 不存在</translation>
    </message>
    <message>
        <source>work order %1 is %2: there is nothing to schedule</source>
        <translation>工单 %1 为%2：没有需要排程的内容</translation>
    </message>
</context>
<context>
    <name>SuggestionText</name>
    <message>
        <source>the skill %1</source>
        <translation>技能 %1</translation>
    </message>
    <message>
        <source>the skills %1</source>
        <translation>技能 %1</translation>
    </message>
    <message>
        <source>no skill required</source>
        <translation>无需技能</translation>
    </message>
    <message>
        <source>skill %1</source>
        <translation>技能 %1</translation>
    </message>
    <message>
        <source>skills %1</source>
        <translation>技能 %1</translation>
    </message>
    <message>
        <source>%1 min away</source>
        <translation>距离 %1 分钟</translation>
    </message>
    <message>
        <source>no SLA due</source>
        <translation>无 SLA 截止</translation>
    </message>
    <message>
        <source>within SLA, %1 to spare</source>
        <translation>在 SLA 内，尚余 %1</translation>
    </message>
    <message>
        <source>%1 after SLA</source>
        <translation>超出 SLA %1</translation>
    </message>
    <message>
        <source>inside the customer&apos;s window</source>
        <translation>在客户的时间窗口内</translation>
    </message>
    <message>
        <source>%1 booked that day</source>
        <translation>当天已排定 %1</translation>
    </message>
    <message>
        <source>nothing else booked that day</source>
        <translation>当天没有其他排定</translation>
    </message>
    <message>
        <source>the one active technician is off or full until %1</source>
        <translation>唯一的在职技术员在 %1 之前休息或已排满</translation>
    </message>
    <message>
        <source>all %1 active technicians are off or full until %2</source>
        <translation>全部 %1 名在职技术员在 %2 之前休息或已排满</translation>
    </message>
    <message>
        <source>1 technician has %1; they are off or full until %2</source>
        <translation>1 名技术员具备%1；其在 %2 之前休息或已排满</translation>
    </message>
    <message>
        <source>%1 technicians have %2; all are off or full until %3</source>
        <translation>%1 名技术员具备%2；他们在 %3 之前均休息或已排满</translation>
    </message>
    <message>
        <source>there is no active technician</source>
        <translation>没有在职技术员</translation>
    </message>
    <message>
        <source>no active technician has %1</source>
        <translation>没有在职技术员具备%1</translation>
    </message>
    <message>
        <source>the customer&apos;s window %1 – %2 leaves no room for the visit between %3 and %4</source>
        <translation>客户的时间窗口 %1 – %2 在 %3 和 %4 之间没有空间安排上门</translation>
    </message>
    <message>
        <source>carries the parts</source>
        <translation>携带所需零件</translation>
    </message>
    <message>
        <source>van lacks %1</source>
        <extracomment>%1 lists what the technician&apos;s van is missing of the work order&apos;s parts, e.g. &quot;2 × FLT-100, 1 × BELT-3&quot;.</extracomment>
        <translation>车上缺少 %1</translation>
    </message>
</context>
<context>
    <name>TechnicianForm</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>TechnicianNotices</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1，地点 %2</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1（%2），地点 %3</translation>
    </message>
    <message>
        <source>Visit %1 at %2 is no longer yours today: %3</source>
        <translation>%2 的拜访 %1 今天不再由您负责：%3</translation>
    </message>
    <message>
        <source>New visit today %1–%2: %3</source>
        <translation>今天新拜访 %1–%2：%3</translation>
    </message>
    <message>
        <source>Visit moved: %1–%2, was %3–%4: %5</source>
        <translation>拜访已调整：%1–%2，原为 %3–%4：%5</translation>
    </message>
    <message>
        <source>technician_id: choose at least one technician</source>
        <translation>technician_id：请至少选择一名技术员</translation>
    </message>
    <message>
        <source>body: the message is empty</source>
        <translation>body：消息为空</translation>
    </message>
    <message>
        <source>body: the message is longer than %1 characters</source>
        <translation>body：消息超过 %1 个字符</translation>
    </message>
    <message>
        <source>technician_id: no technician %1</source>
        <translation>technician_id：没有技术员 %1</translation>
    </message>
</context>
<context>
    <name>TechnicianRules</name>
    <message>
        <source>give the technician an id (like T-042)</source>
        <translation>请为技术员指定 ID（如 T-042）</translation>
    </message>
    <message>
        <source>an id has 1 to %1 characters and no spaces</source>
        <translation>ID 长度为 1 到 %1 个字符，且不含空格</translation>
    </message>
    <message>
        <source>the name is required</source>
        <translation>姓名为必填项</translation>
    </message>
    <message>
        <source>keep the name to %1 characters</source>
        <translation>姓名请控制在 %1 个字符以内</translation>
    </message>
    <message>
        <source>choose one of %1</source>
        <translation>请从 %1 中选择一个</translation>
    </message>
    <message>
        <source>where the technician starts the day: a latitude is required</source>
        <translation>技术员每天的出发地点：纬度为必填项</translation>
    </message>
    <message>
        <source>where the technician starts the day: a longitude is required</source>
        <translation>技术员每天的出发地点：经度为必填项</translation>
    </message>
    <message>
        <source>choose the time zone the shift is worked in</source>
        <translation>请选择班次所在的时区</translation>
    </message>
    <message>
        <source>the shift must end after it starts (%1)</source>
        <translation>班次的结束时间必须晚于开始时间（%1）</translation>
    </message>
    <message>
        <source>choose at least one working day</source>
        <translation>请至少选择一个工作日</translation>
    </message>
    <message>
        <source>technician %1 already exists</source>
        <translation>技术员 %1 已存在</translation>
    </message>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>未知区域“%1”</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>未知技能：%1</translation>
    </message>
    <message>
        <source>technician %1 does not exist</source>
        <translation>技术员 %1 不存在</translation>
    </message>
</context>
<context>
    <name>TimeEntryFlags</name>
    <message>
        <source>overlaps entry %1 of the same technician</source>
        <translation>与同一技术员的记录 %1 重叠</translation>
    </message>
    <message>
        <source>outside the technician&apos;s visits of this work order</source>
        <translation>不在该技术员对此工单的上门时间内</translation>
    </message>
    <message>
        <source>billable time without a comment of what was done</source>
        <translation>可计费工时未填写工作内容说明</translation>
    </message>
    <message>
        <source>starts %1 min before the arrival the GPS shows</source>
        <translation>开始时间比 GPS 显示的到达早 %1 分钟</translation>
    </message>
    <message>
        <source>starts %1 min after the arrival the GPS shows</source>
        <translation>开始时间比 GPS 显示的到达晚 %1 分钟</translation>
    </message>
    <message>
        <source>ends %1 min before the arrival the GPS shows</source>
        <translation>结束时间比 GPS 显示的到达早 %1 分钟</translation>
    </message>
    <message>
        <source>ends %1 min after the arrival the GPS shows</source>
        <translation>结束时间比 GPS 显示的到达晚 %1 分钟</translation>
    </message>
    <message>
        <source>starts %1 min before the departure the GPS shows</source>
        <translation>开始时间比 GPS 显示的离开早 %1 分钟</translation>
    </message>
    <message>
        <source>starts %1 min after the departure the GPS shows</source>
        <translation>开始时间比 GPS 显示的离开晚 %1 分钟</translation>
    </message>
    <message>
        <source>ends %1 min before the departure the GPS shows</source>
        <translation>结束时间比 GPS 显示的离开早 %1 分钟</translation>
    </message>
    <message>
        <source>ends %1 min after the departure the GPS shows</source>
        <translation>结束时间比 GPS 显示的离开晚 %1 分钟</translation>
    </message>
</context>
<context>
    <name>TimeEntryReview</name>
    <message>
        <source>no time entry %1</source>
        <translation>没有工时记录 %1</translation>
    </message>
    <message>
        <source>time entry %1 is at version %2, not version %3: it changed since it was read</source>
        <translation>工时记录 %1 的版本为 %2，而不是 %3：读取后已发生变化</translation>
    </message>
    <message>
        <source>time entry %1: %2</source>
        <translation>工时记录 %1：%2</translation>
    </message>
    <message>
        <source>a start time is needed</source>
        <translation>需要开始时间</translation>
    </message>
    <message>
        <source>an end time is needed</source>
        <translation>需要结束时间</translation>
    </message>
    <message>
        <source>the end must be after the start</source>
        <translation>结束时间必须晚于开始时间</translation>
    </message>
</context>
<context>
    <name>TravelSpeedReport</name>
    <message>
        <source>planning counts the straight-line time × %1</source>
        <translation>规划按直线时间 × %1 计算</translation>
    </message>
    <message>
        <source>not enough history (%1 of %2 legs): straight-line times</source>
        <translation>历史不足（%1/%2 段行程）：使用直线时间</translation>
    </message>
    <message>
        <source>not slower than the straight-line model: its times (planning never counts less)</source>
        <translation>不比直线模型慢：使用其时间（规划从不计得更少）</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Optimize %1: %n visit(s)</source>
        <translation>
            <numerusform>优化 %1：%n 次上门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate %n preventive work order(s)</source>
        <translation>
            <numerusform>生成 %n 个预防性工单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserAccount</name>
    <message>
        <source>Dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>计划员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Field gateway</source>
        <extracomment>The role of the field gateway&apos;s login (the technicians&apos; phone backend), not a person&apos;s</extracomment>
        <translation>现场网关</translation>
    </message>
</context>
<context>
    <name>UserDirectory</name>
    <message>
        <source>the server refused: %1</source>
        <translation>服务器已拒绝：%1</translation>
    </message>
    <message>
        <source>a user name has 1 to 63 bytes (UTF-8)</source>
        <translation>用户名长度为 1 到 63 字节（UTF-8）</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;, expected one of %2</source>
        <translation>未知角色“%1”，应为 %2 之一</translation>
    </message>
    <message>
        <source>users and roles exist only on a PostgreSQL server; a SQLite file has none</source>
        <translation>用户和角色仅存在于 PostgreSQL 服务器上；SQLite 文件中没有</translation>
    </message>
    <message>
        <source>the server did not say what this user may do</source>
        <translation>服务器未说明该用户的权限</translation>
    </message>
    <message>
        <source>this database predates user management; run `fieldops-cli init` to migrate it</source>
        <translation>此数据库早于用户管理功能；请运行 `fieldops-cli init` 进行迁移</translation>
    </message>
    <message>
        <source>only a FieldOps admin may manage users, and %1 is not one</source>
        <translation>只有 FieldOps 管理员可以管理用户，而 %1 不是管理员</translation>
    </message>
    <message>
        <source>unknown territory %1</source>
        <translation>未知区域 %1</translation>
    </message>
    <message>
        <source>you cannot change your own role (%1); ask another admin</source>
        <translation>您不能更改自己的角色（%1）；请联系其他管理员</translation>
    </message>
    <message>
        <source>you cannot disable your own login (%1); ask another admin</source>
        <translation>您不能停用自己的登录（%1）；请联系其他管理员</translation>
    </message>
</context>
<context>
    <name>UserReport</name>
    <message>
        <source>LOGIN</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>TERRITORIES</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationReport</name>
    <message>
        <source>KIND</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>TECHNICIAN</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>APPOINTMENTS</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n 项违规</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 在未来</translation>
    </message>
    <message>
        <source>say when the technician arrived</source>
        <translation>请填写技术员到达的时间</translation>
    </message>
    <message numerus="yes">
        <source>the arrival is more than %n hour(s) before the visit&apos;s start</source>
        <translation>
            <numerusform>到达时间比拜访开始早了超过 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>say when the work ended</source>
        <translation>请填写工作结束的时间</translation>
    </message>
    <message>
        <source>the work cannot end before the technician arrived</source>
        <translation>工作不能在技术员到达之前结束</translation>
    </message>
    <message>
        <source>the technician cannot leave before the work ended</source>
        <translation>技术员不能在工作结束前离开</translation>
    </message>
    <message>
        <source>the departure cannot be before the arrival</source>
        <translation>离开时间不能早于到达时间</translation>
    </message>
    <message>
        <source>a resolved visit has no reason for not resolving</source>
        <translation>已解决的拜访没有未解决原因</translation>
    </message>
    <message>
        <source>say why the job is not resolved</source>
        <translation>请说明工作未解决的原因</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不属于 %2</translation>
    </message>
    <message>
        <source>the notes are longer than %1 characters</source>
        <translation>备注超过 %1 个字符</translation>
    </message>
    <message>
        <source>the name is longer than %1 characters</source>
        <translation>名称超过 %1 个字符</translation>
    </message>
    <message>
        <source>only a visit not resolved for missing parts lists parts</source>
        <translation>只有因缺零件而未解决的上门才能列出零件</translation>
    </message>
    <message>
        <source>%1: the quantity must be greater than 0</source>
        <translation>%1：数量必须大于 0</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeRecorder</name>
    <message>
        <source>visit %1 does not exist</source>
        <translation>拜访 %1 不存在</translation>
    </message>
    <message>
        <source>status: visit %1 is cancelled; a cancelled visit has no outcome</source>
        <translation>状态：拜访 %1 已取消；已取消的拜访没有结果</translation>
    </message>
    <message>
        <source>resolved: work order %1 is cancelled; a cancelled job cannot be resolved</source>
        <translation>resolved：工单 %1 已取消；已取消的工作不能被解决</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Tentative</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已排程</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>在现场</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Corrective (repair)</source>
        <translation>纠正性维修（维修）</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>预防性维护</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Around the clock (24×7)</source>
        <translation>全天候（24×7）</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Needs parts</source>
        <translation>需要零件</translation>
    </message>
    <message>
        <source>Customer absent</source>
        <translation>客户不在</translation>
    </message>
    <message>
        <source>Needs a second visit</source>
        <translation>需要第二次拜访</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>已转交他处</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>路途</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
</context>
<context>
    <name>WarrantyNote</name>
    <message>
        <source>Asset %1 is under warranty until %2</source>
        <translation>资产 %1 在 %2 之前处于保修期内</translation>
    </message>
</context>
<context>
    <name>WorkOrderIntake</name>
    <message>
        <source>an id has 1 to 64 characters and no spaces</source>
        <translation>ID 长度为 1 到 64 个字符，且不含空格</translation>
    </message>
    <message>
        <source>choose the site where the work is done</source>
        <translation>请选择执行工作的站点</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>%1 is more than a week (%2 minutes)</source>
        <translation>%1 超过一周（%2 分钟）</translation>
    </message>
    <message>
        <source>the customer&apos;s window must end after it starts</source>
        <translation>客户的时间窗口必须在开始后结束</translation>
    </message>
    <message>
        <source>the time the call came in is missing</source>
        <translation>缺少来电时间</translation>
    </message>
    <message>
        <source>the SLA must fall due after the work order was created</source>
        <translation>SLA 截止时间必须晚于工单创建时间</translation>
    </message>
    <message>
        <source>a new work order starts open</source>
        <translation>新工单的初始状态为未完成</translation>
    </message>
    <message>
        <source>keep the summary to %1 characters (it has %2)</source>
        <translation>摘要请控制在 %1 个字符以内（当前 %2 个）</translation>
    </message>
    <message>
        <source>the description is longer than %1 characters</source>
        <translation>描述超过 %1 个字符</translation>
    </message>
    <message>
        <source>the reason is longer than %1 characters</source>
        <translation>原因超过 %1 个字符</translation>
    </message>
    <message>
        <source>work order %1 already exists</source>
        <translation>工单 %1 已存在</translation>
    </message>
    <message>
        <source>unknown customer &quot;%1&quot;</source>
        <translation>未知客户“%1”</translation>
    </message>
    <message>
        <source>unknown site &quot;%1&quot;</source>
        <translation>未知站点“%1”</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to %3</source>
        <translation>站点 %1 属于客户 %2，而不是 %3</translation>
    </message>
    <message>
        <source>unknown asset &quot;%1&quot;</source>
        <translation>未知资产“%1”</translation>
    </message>
    <message>
        <source>asset %1 is at site %2, not at %3</source>
        <translation>资产 %1 位于站点 %2，而不是 %3</translation>
    </message>
    <message>
        <source>unknown contract &quot;%1&quot;</source>
        <translation>未知合同“%1”</translation>
    </message>
    <message>
        <source>contract %1 is customer %2&apos;s, not the site&apos;s customer %3</source>
        <translation>合同 %1 属于客户 %2，而不是该站点的客户 %3</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>未知技能：%1</translation>
    </message>
    <message>
        <source>work order %1 does not exist</source>
        <translation>工单 %1 不存在</translation>
    </message>
    <message>
        <source>cancel_reason: say why the work order is cancelled</source>
        <translation>cancel_reason：请说明取消工单的原因</translation>
    </message>
    <message>
        <source>cancel_reason: the reason is longer than %1 characters</source>
        <translation>cancel_reason：原因超过 %1 个字符</translation>
    </message>
    <message>
        <source>status: work order %1 is already cancelled</source>
        <translation>status：工单 %1 已取消</translation>
    </message>
    <message>
        <source>status: work order %1 is done; a finished job cannot be cancelled</source>
        <translation>status：工单 %1 已完成；已完成的工作无法取消</translation>
    </message>
    <message>
        <source>unknown part(s): %1</source>
        <translation>未知零件：%1</translation>
    </message>
</context>
<context>
    <name>WorkOrderJson</name>
    <message>
        <source>expected text, not the number %1</source>
        <translation>应为文本，而不是数字 %1</translation>
    </message>
    <message>
        <source>expected %1, not true or false</source>
        <translation>应为 %1，而不是 true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>expected a single value, not a list</source>
        <translation>应为单个值，而不是列表</translation>
    </message>
    <message>
        <source>expected a list of skill codes (text)</source>
        <translation>应为技能代码（文本）列表</translation>
    </message>
    <message>
        <source>expected a single value, not an object</source>
        <translation>应为单个值，而不是对象</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移量 %1 处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>expected one JSON object with the work order&apos;s fields</source>
        <translation>应为包含工单字段的单个 JSON 对象</translation>
    </message>
    <message>
        <source>expected the whole number of the version you last read</source>
        <translation>应为您上次读取的版本号（整数）</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>需要提供值</translation>
    </message>
</context>
<context>
    <name>WorkOrderStoryPage</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>未解决：%1</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1（序列号 %2）</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>SLA 截止</translation>
    </message>
    <message>
        <source>Return visit of</source>
        <translation>回访自</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>No visit booked yet.</source>
        <translation>尚未预约访问。</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>签字人 %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No time booked.</source>
        <translation>未登记工时。</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>可计费</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>不可计费</translation>
    </message>
    <message>
        <source>Booked %1, of which billable %2</source>
        <translation>已登记 %1，其中可计费 %2</translation>
    </message>
    <message>
        <source>; %1 not reviewed yet (not billed until approved)</source>
        <translation>；%1 尚未审核（批准前不计费）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成的工作</translation>
    </message>
    <message>
        <source>No parts used.</source>
        <translation>未使用零件。</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Taken from</source>
        <translation>取自</translation>
    </message>
    <message>
        <source>not reserved</source>
        <translation>未预留</translation>
    </message>
    <message>
        <source>Reserved at</source>
        <translation>预留于</translation>
    </message>
    <message>
        <source>%1 of 5, %2</source>
        <translation>%1 / 5，%2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>%1 已读</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>%1 已送达</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nothing: the job is done.</source>
        <translation>无：工作已完成。</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled.</source>
        <translation>无：工作已取消。</translation>
    </message>
    <message>
        <source>Nothing: the job was cancelled (%1).</source>
        <translation>无：工作已取消（%1）。</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2.</source>
        <translation>最后一次访问（%1）的结果：%2。</translation>
    </message>
    <message>
        <source>The last visit (%1) ended %2 (“%3”).</source>
        <translation>最后一次访问（%1）的结果：%2（“%3”）。</translation>
    </message>
    <message>
        <source>The return visit is work order %1 (%2).</source>
        <translation>回访是工单 %1（%2）。</translation>
    </message>
    <message>
        <source>A visit is booked.</source>
        <translation>已预约访问。</translation>
    </message>
    <message>
        <source>No visit is booked yet.</source>
        <translation>尚未预约访问。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>已用零件</translation>
    </message>
    <message>
        <source>Parts needed</source>
        <translation>所需零件</translation>
    </message>
    <message>
        <source>Customer&apos;s rating</source>
        <translation>客户评分</translation>
    </message>
    <message>
        <source>Notices to the technicians</source>
        <translation>发给技术员的通知</translation>
    </message>
    <message>
        <source>What remains</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>工单 %1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Billing %1 to %2: %3 customer and contract rows, %4 lines, total %5.
</source>
        <translation>计费 %1 至 %2：%3 个客户与合同行，%4 个明细行，合计 %5。
</translation>
    </message>
    <message>
        <source>Time entries awaiting review (not billed): %1.
</source>
        <translation>待审核的工时记录（未计费）：%1。
</translation>
    </message>
    <message>
        <source>First day of the period (YYYY-MM-DD, UTC).</source>
        <translation>期间的第一天（YYYY-MM-DD，UTC）。</translation>
    </message>
    <message>
        <source>Last day of the period (YYYY-MM-DD, UTC).</source>
        <translation>期间的最后一天（YYYY-MM-DD，UTC）。</translation>
    </message>
    <message>
        <source>Directory to write the files into (created if missing).</source>
        <translation>写入文件的目录（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Print the summary rows as one JSON object.</source>
        <translation>将汇总行输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Bill a period: per customer and contract the approved billable time (approved or corrected
entries), the included hours of the contract for the period, the hours beyond at its rate, its
fixed fee and the parts used; pending entries are counted, not billed. Writes
billing_summary.csv, billing_lines.csv and billing.pdf into DIR.</source>
        <translation>按期间计费：按客户和合同统计已批准的可计费工时（已批准或已更正的
记录）、合同在本期包含的工时、超出部分按合同费率计费的工时、
固定费用以及所用备件；待处理的记录只计数，不计费。将
billing_summary.csv、billing_lines.csv 和 billing.pdf 写入 DIR。</translation>
    </message>
    <message>
        <source>billing takes no arguments (got &quot;%1&quot;)</source>
        <translation>billing 不接受参数（收到的是“%1”）</translation>
    </message>
    <message>
        <source>billing needs --from, --to and --out, e.g. fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</source>
        <translation>billing 需要 --from、--to 和 --out，例如 fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march</translation>
    </message>
    <message>
        <source>--out needs a directory</source>
        <translation>--out 需要一个目录</translation>
    </message>
    <message>
        <source>No preventive work falls in this horizon.</source>
        <translation>此时间范围内没有预防性工作。</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Demand h</source>
        <translation>需求（小时）</translation>
    </message>
    <message>
        <source>Available h</source>
        <translation>可用（小时）</translation>
    </message>
    <message>
        <source>Booked h</source>
        <translation>已排定（小时）</translation>
    </message>
    <message>
        <source>OVERLOADED</source>
        <translation>超负荷</translation>
    </message>
    <message numerus="yes">
        <source>Levelling moved %n occurrence(s):</source>
        <translation>
            <numerusform>均衡调整移动了 %n 次执行：</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1: %2 → %3</source>
        <translation>计划 %1：%2 → %3</translation>
    </message>
    <message>
        <source>Preview the occurrences due in the next N days (0 … %1).</source>
        <translation>预览未来 N 天（0 … %1）内到期的执行。</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today, UTC).</source>
        <translation>时间范围的第一天（默认：今天，UTC）。</translation>
    </message>
    <message>
        <source>Move occurrences within their allowed window to flatten overloaded weeks; show the levelled table and the moves.</source>
        <translation>在允许的时间窗口内移动执行，以平摊超负荷的周；显示均衡后的表格和移动情况。</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>将结果输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Per ISO week and territory: the hours of the preventive work generate-pm would create against the
free hours of the technicians holding the skills (shifts less absences and bookings). Writes nothing.</source>
        <translation>按 ISO 周和区域：generate-pm 将创建的预防性工作的工时，与具备相应技能的技术员
的空闲工时（班次减去缺勤和已排定）进行对比。不写入任何内容。</translation>
    </message>
    <message>
        <source>capacity-preview takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>capacity-preview 除选项外不接受参数（收到的是“%1”）</translation>
    </message>
    <message>
        <source>--today: &quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--today：“%1”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Usage: fieldops-cli [--db URL] %1</source>
        <translation>用法：fieldops-cli [--db URL] %1</translation>
    </message>
    <message>
        <source>%1 holds no FieldOps schema; run `fieldops-cli --db URL init` first</source>
        <translation>%1 中没有 FieldOps 架构；请先运行 `fieldops-cli --db URL init`</translation>
    </message>
    <message>
        <source>%1: a number of days is required, e.g. %1 %2</source>
        <translation>%1：需要提供天数，例如 %1 %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number of days</source>
        <translation>%1：“%2”不是整数天数</translation>
    </message>
    <message>
        <source>%1: %2 is outside [0, %3]</source>
        <translation>%1：%2 超出范围 [0, %3]</translation>
    </message>
    <message>
        <source>--from needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--from 需要日期 YYYY-MM-DD（收到的是“%1”）</translation>
    </message>
    <message>
        <source>--to needs a date YYYY-MM-DD (got &quot;%1&quot;)</source>
        <translation>--to 需要日期 YYYY-MM-DD（收到的是“%1”）</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2)</source>
        <translation>--to（%1）早于 --from（%2）</translation>
    </message>
    <message>
        <source>%1 %2 %3 for %4 min</source>
        <translation>%1 %2 %3 持续 %4 分钟</translation>
    </message>
    <message>
        <source>%1 rate %2 %3 per hour over %4 min</source>
        <translation>%1 变化率%2 每小时 %3（%4 分钟内）</translation>
    </message>
    <message>
        <source>%1 every %2</source>
        <translation>%1 每 %2</translation>
    </message>
    <message>
        <source>%1 outside mean ± %2 sd for %3 min (baseline %4 weeks)</source>
        <translation>%1 超出均值 ± %2 个标准差，持续 %3 分钟（基线 %4 周）</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>型号 %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>资产 %1</translation>
    </message>
    <message>
        <source>%1  %2, %3: %4 → %5 &quot;%6&quot; (priority %7)%8</source>
        <translation>%1  %2，%3：%4 → %5“%6”（优先级 %7）%8</translation>
    </message>
    <message>
        <source>, inactive</source>
        <translation>，已停用</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>无法读取标准输入</translation>
    </message>
    <message>
        <source>No condition rules.</source>
        <translation>没有状态规则。</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>将结果输出为 JSON。</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601 with an offset or Z).</source>
        <translation>范围的开始（带时区偏移或 Z 的 ISO 8601）。</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601 with an offset or Z).</source>
        <translation>范围的结束，不含（带时区偏移或 Z 的 ISO 8601）。</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>输出 JSON 而不是表格。</translation>
    </message>
    <message>
        <source>Check the schedule&apos;s rules for appointments intersecting [from, to): overlap (hard); travel, shift, absence, skill, window, sla (soft).</source>
        <translation>检查与 [from, to) 相交的预约的排程规则：重叠（硬性）；路程、班次、缺勤、技能、窗口、SLA（软性）。</translation>
    </message>
    <message>
        <source>conflicts takes no arguments, only --from, --to and --json</source>
        <translation>conflicts 不接受参数，只接受 --from、--to 和 --json</translation>
    </message>
    <message>
        <source>conflicts needs --from T and --to T</source>
        <translation>conflicts 需要 --from T 和 --to T</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from“%1”不是带时区偏移或 Z 的 ISO 8601 时间戳</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--to“%1”不是带时区偏移或 Z 的 ISO 8601 时间戳</translation>
    </message>
    <message>
        <source>--to must be after --from</source>
        <translation>--to 必须晚于 --from</translation>
    </message>
    <message>
        <source>Another evaluation is running (%1); nothing done.</source>
        <translation>另一次评估正在运行（%1）；未执行任何操作。</translation>
    </message>
    <message>
        <source>opened     rule %1, asset %2, since %3: %4 (%5)</source>
        <translation>已打开  规则 %1，资产 %2，自 %3 起：%4（%5）</translation>
    </message>
    <message>
        <source>no work order: dry run</source>
        <translation>无工单：试运行</translation>
    </message>
    <message>
        <source>continued  rule %1, asset %2, since %3: %4</source>
        <translation>持续中  规则 %1，资产 %2，自 %3 起：%4</translation>
    </message>
    <message>
        <source>cleared    rule %1, asset %2, since %3: %4</source>
        <translation>已清除  规则 %1，资产 %2，自 %3 起：%4</translation>
    </message>
    <message>
        <source>rules: %1, assets: %2; opened %3, continued %4, cleared %5</source>
        <translation>规则：%1，资产：%2；已打开 %3，持续 %4，已清除 %5</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (试运行：未写入任何内容)</translation>
    </message>
    <message>
        <source>Report what would change; write nothing.</source>
        <translation>报告将发生的变化；不写入任何内容。</translation>
    </message>
    <message>
        <source>Evaluate as of this instant (ISO 8601 with an offset or Z; default now).</source>
        <translation>以此时刻进行评估（带时区偏移或 Z 的 ISO 8601；默认为现在）。</translation>
    </message>
    <message>
        <source>Evaluate every active condition rule on the readings of its assets: a breach without an open
episode opens one with its work order, a breach with one continues it, a recovery clears it.
One transaction; a second run opens nothing more.</source>
        <translation>对每条启用的状态规则评估其资产的读数：没有打开的事件段时发生越限，
则打开一个事件段并创建其工单；已有事件段时越限则延续它；恢复正常则将其清除。
在一个事务中完成；再次运行不会打开新的事件段。</translation>
    </message>
    <message>
        <source>evaluate-conditions takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>evaluate-conditions 除选项外不接受参数（收到的是“%1”）</translation>
    </message>
    <message>
        <source>--at: &quot;%1&quot; is not an ISO 8601 time with an offset or Z</source>
        <translation>--at：“%1”不是带时区偏移或 Z 的 ISO 8601 时间</translation>
    </message>
    <message>
        <source>Directory to write the CSV files into (created if missing).</source>
        <translation>写入 CSV 文件的目录（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Export every entity as the CSV files `import` reads.</source>
        <translation>将所有实体导出为 `import` 可读取的 CSV 文件。</translation>
    </message>
    <message>
        <source>export needs exactly one directory</source>
        <translation>export 只需要一个目录</translation>
    </message>
    <message>
        <source>exported %1 rows into %2 files</source>
        <translation>已将 %1 行导出到 %2 个文件</translation>
    </message>
    <message numerus="yes">
        <source>Would create %n preventive work order(s) (dry run: nothing written).</source>
        <translation>
            <numerusform>将创建 %n 个预防性工单（试运行：未写入任何内容）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s).</source>
        <translation>
            <numerusform>已创建 %n 个预防性工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  plan %2, asset %3, due %4</source>
        <translation>%1  计划 %2，资产 %3，到期 %4</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n occurrence(s):</source>
        <translation>
            <numerusform>已跳过 %n 次执行：</numerusform>
        </translation>
    </message>
    <message>
        <source>plan %1, due %2: %3 (%4)</source>
        <translation>计划 %1，到期 %2：%3（%4）</translation>
    </message>
    <message>
        <source>Generate the occurrences due in the next N days (0 … %1).</source>
        <translation>生成未来 N 天（0 … %1）内到期的执行。</translation>
    </message>
    <message>
        <source>Report what would be created; write nothing.</source>
        <translation>报告将创建的内容；不写入任何内容。</translation>
    </message>
    <message>
        <source>The horizon&apos;s first day (default: today in each site&apos;s time zone).</source>
        <translation>时间范围的第一天（默认：各站点所在时区的今天）。</translation>
    </message>
    <message>
        <source>Level the capacity first (as capacity-preview --level does for the same horizon) and generate the moved occurrences on their levelled days.</source>
        <translation>先均衡产能（与 capacity-preview --level 对同一时间范围的处理相同），并在均衡后的日期生成被移动的执行。</translation>
    </message>
    <message>
        <source>Create the preventive work orders the maintenance plans call for in the next N days:
one per occurrence, once (a second run creates nothing), all in one transaction.
With --level, occurrences in overloaded weeks are due on the days the capacity levelling
moves them to (capacity-preview --level shows the moves); &quot;due&quot; is then the moved day.</source>
        <translation>创建维护计划在未来 N 天内要求的预防性工单：
每次执行一个，仅创建一次（再次运行不会创建任何内容），全部在一个事务中完成。
使用 --level 时，超负荷周内的执行的到期日为产能均衡将其移动到的日期
（capacity-preview --level 会显示移动情况）；此时“到期”即为移动后的日期。</translation>
    </message>
    <message>
        <source>generate-pm takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>generate-pm 除选项外不接受参数（收到的是“%1”）</translation>
    </message>
    <message>
        <source>Directory of CSV files (the CSV interchange in the README).</source>
        <translation>CSV 文件目录（参见 README 中的 CSV 交换格式）。</translation>
    </message>
    <message>
        <source>IANA time zone for technicians and sites without one (default UTC).</source>
        <translation>未设置时区的技术员和站点所用的 IANA 时区（默认 UTC）。</translation>
    </message>
    <message>
        <source>Import a directory of CSV files: all rows or none. Problems are reported as file:line: column: reason.</source>
        <translation>导入一个 CSV 文件目录：全部导入或全部不导入。问题以 文件:行: 列: 原因 的形式报告。</translation>
    </message>
    <message>
        <source>import needs exactly one directory</source>
        <translation>import 只需要一个目录</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>lost the connection to the server during import; nothing was imported</source>
        <translation>导入期间与服务器的连接断开；未导入任何内容</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <source>imported %1 rows from %2 files</source>
        <translation>已从 %2 个文件导入 %1 行</translation>
    </message>
    <message>
        <source>ingested 1 event</source>
        <translation>已接收 1 个事件</translation>
    </message>
    <message>
        <source>ingested %1 events</source>
        <translation>已接收 %1 个事件</translation>
    </message>
    <message>
        <source>File of events, one JSON object per line; - reads standard input.</source>
        <translation>事件文件，每行一个 JSON 对象；- 表示读取标准输入。</translation>
    </message>
    <message>
        <source>Print {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}.</source>
        <translation>输出 {&quot;ingested&quot;:N,&quot;by_kind&quot;:{…},&quot;warnings&quot;:[…]}。</translation>
    </message>
    <message>
        <source>ingest needs exactly one file, or - for standard input</source>
        <translation>ingest 只需要一个文件，或用 - 表示标准输入</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: %2: unknown key, ignored</source>
        <translation>%1：%2：未知键，已忽略</translation>
    </message>
    <message>
        <source>Create the FieldOps schema in an empty database, or migrate an older one in place.</source>
        <translation>在空数据库中创建 FieldOps 架构，或就地迁移旧版架构。</translation>
    </message>
    <message>
        <source>init takes no arguments</source>
        <translation>init 不接受参数</translation>
    </message>
    <message>
        <source>schema already at version %1</source>
        <translation>架构已是版本 %1</translation>
    </message>
    <message>
        <source>schema at version %1 (was %2)</source>
        <translation>架构版本为 %1（原为 %2）</translation>
    </message>
    <message>
        <source>first day of the period (YYYY-MM-DD)</source>
        <translation>期间的第一天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>last day of the period, included (YYYY-MM-DD)</source>
        <translation>期间的最后一天，包含在内（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>time zone the days are counted in (IANA, default UTC)</source>
        <translation>计算日期所用的时区（IANA，默认 UTC）</translation>
    </message>
    <message>
        <source>break down by: technician</source>
        <translation>细分维度：technician</translation>
    </message>
    <message>
        <source>print JSON (INTERCHANGE §4)</source>
        <translation>输出 JSON（INTERCHANGE §4）</translation>
    </message>
    <message>
        <source>Key performance indicators for a period, overall or by technician.</source>
        <translation>某期间的关键绩效指标，可按整体或按技术员统计。</translation>
    </message>
    <message>
        <source>kpi takes no positional arguments</source>
        <translation>kpi 不接受位置参数</translation>
    </message>
    <message>
        <source>--to is before --from</source>
        <translation>--to 早于 --from</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>未知时区“%1”</translation>
    </message>
    <message>
        <source>--by supports only &quot;technician&quot;</source>
        <translation>--by 仅支持“technician”</translation>
    </message>
    <message>
        <source>KPIs %1 … %2 (%3)</source>
        <translation>KPI %1 … %2（%3）</translation>
    </message>
    <message>
        <source>create or migrate the schema</source>
        <translation>创建或迁移数据库架构</translation>
    </message>
    <message>
        <source>fill the database with a deterministic demo operation</source>
        <translation>用确定性的演示业务数据填充数据库</translation>
    </message>
    <message>
        <source>import a directory of CSV files (all or nothing)</source>
        <translation>导入一个 CSV 文件目录（全部或全不）</translation>
    </message>
    <message>
        <source>export every entity as CSV files into a directory</source>
        <translation>将所有实体导出为 CSV 文件到一个目录</translation>
    </message>
    <message>
        <source>check the schedule&apos;s rules (overlap, travel, shift, absence, skill, window, SLA)</source>
        <translation>检查排程规则（重叠、路程、班次、缺勤、技能、窗口、SLA）</translation>
    </message>
    <message>
        <source>key performance indicators for a period (--from D --to D [--by technician] [--json])</source>
        <translation>某期间的关键绩效指标（--from D --to D [--by technician] [--json]）</translation>
    </message>
    <message>
        <source>open, change or cancel a work order (create | update ID | cancel ID --reason TEXT; JSON on stdin)</source>
        <translation>新建、修改或取消工单（create | update ID | cancel ID --reason TEXT；JSON 从 stdin 读取）</translation>
    </message>
    <message>
        <source>create the preventive work orders the maintenance plans call for (--horizon-days N [--dry-run] [--json])</source>
        <translation>创建维护计划要求的预防性工单（--horizon-days N [--dry-run] [--json]）</translation>
    </message>
    <message>
        <source>hours of the preventive work to come against the technicians&apos; free hours, per week and territory (--horizon-days N [--level] [--json])</source>
        <translation>按周和区域对比未来预防性工作的工时与技术员的空闲工时（--horizon-days N [--level] [--json]）</translation>
    </message>
    <message>
        <source>rank feasible technicians and start times for a work order (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])</source>
        <translation>为工单排列可行的技术员和开始时间（WORK_ORDER_ID [--top K] [--from T] [--days N] [--json]）</translation>
    </message>
    <message>
        <source>plan a day&apos;s unassigned work orders around the booked visits, every new visit checked by the rules (--date D [--territory T] [--time-limit S] [--json] [--apply])</source>
        <translation>围绕已排定的上门规划某天未分配的工单，每个新上门都经过规则检查（--date D [--territory T] [--time-limit S] [--json] [--apply]）</translation>
    </message>
    <message>
        <source>review the technicians&apos; time: list with flags, approve, correct (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])</source>
        <translation>审核技术员的工时：带标记列出、批准、更正（--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V]）</translation>
    </message>
    <message>
        <source>approved time and parts per customer and contract with the contracts&apos; terms, as CSV and PDF (--from D --to D --out DIR [--json])</source>
        <translation>按客户和合同及合同条款汇总已批准的工时和备件，输出 CSV 和 PDF（--from D --to D --out DIR [--json]）</translation>
    </message>
    <message>
        <source>take in the field gateway&apos;s events, one JSON object per line, all or nothing (FILE|- [--json])</source>
        <translation>接收现场网关的事件，每行一个 JSON 对象，全部或全不（FILE|- [--json]）</translation>
    </message>
    <message>
        <source>evaluate the condition rules on the assets&apos; readings: open, continue or clear episodes and open their work orders ([--dry-run] [--json] [--at ISO-TIME])</source>
        <translation>对资产读数评估状态规则：打开、延续或清除事件段并创建其工单（[--dry-run] [--json] [--at ISO-TIME]）</translation>
    </message>
    <message>
        <source>play the technicians&apos; phones live (--speed X --duration S --seed N)</source>
        <translation>实时模拟技术员的手机（--speed X --duration S --seed N）</translation>
    </message>
    <message>
        <source>PostgreSQL logins in FieldOps roles (admins): add, list, set-role, set-territories, disable, enable</source>
        <translation>FieldOps 角色中的 PostgreSQL 登录（管理员）：add、list、set-role、set-territories、disable、enable</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db[?sslmode=…]
(default: FIELDOPS_DB, else the console&apos;s own SQLite file).
</source>
        <translation>数据库 URL：sqlite:///abs/path.db 或 postgresql://user[:password]@host:port/db[?sslmode=…]
（默认：FIELDOPS_DB，否则为控制台自己的 SQLite 文件）。
</translation>
    </message>
    <message>
        <source>--verbose: after an error&apos;s one line, the database driver&apos;s own text.

Commands:
</source>
        <translation>--verbose：在错误的单行说明之后，输出数据库驱动程序的原始文本。

命令：
</translation>
    </message>
    <message>
        <source>`fieldops-cli COMMAND --help` describes each command.</source>
        <translation>`fieldops-cli COMMAND --help` 会说明每个命令。</translation>
    </message>
    <message>
        <source>--db needs a URL</source>
        <translation>--db 需要一个 URL</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see fieldops-cli --help)</source>
        <translation>未知命令“%1”（参见 fieldops-cli --help）</translation>
    </message>
    <message>
        <source>%1: new visits: %2; travel to and from them: %3 min.
</source>
        <translation>%1：新上门：%2；往返路程：%3 分钟。
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
        <translation>未安排：%1
</translation>
    </message>
    <message>
        <source>Written.
</source>
        <translation>已写入。
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to book these visits).
</source>
        <translation>未写入任何内容（添加 --apply 以排定这些上门）。
</translation>
    </message>
    <message>
        <source>The day to plan (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>要规划的日期（YYYY-MM-DD，按各技术员所在时区）。</translation>
    </message>
    <message>
        <source>Only this territory&apos;s sites and technicians.</source>
        <translation>仅限此区域的站点和技术员。</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search (decimal, default 5).</source>
        <translation>优化器可搜索的秒数（小数，默认 5）。</translation>
    </message>
    <message>
        <source>Print the plan as one JSON object.</source>
        <translation>将计划输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Book the new visits, all in one transaction.</source>
        <translation>在一个事务中排定所有新上门。</translation>
    </message>
    <message>
        <source>optimize takes no arguments (got &quot;%1&quot;)</source>
        <translation>optimize 不接受参数（收到的是“%1”）</translation>
    </message>
    <message>
        <source>optimize needs --date, e.g. fieldops-cli optimize --date 2026-03-02</source>
        <translation>optimize 需要 --date，例如 fieldops-cli optimize --date 2026-03-02</translation>
    </message>
    <message>
        <source>--date: &quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>--date：“%1”不是日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>--time-limit: &quot;%1&quot; is not a number of seconds in (0, %2]</source>
        <translation>--time-limit：“%1”不是 (0, %2] 范围内的秒数</translation>
    </message>
    <message>
        <source>--territory needs a territory id</source>
        <translation>--territory 需要区域 ID</translation>
    </message>
    <message>
        <source>Seeded a demo field-service operation in São Paulo (America/Sao_Paulo) for %1 at %2 with seed %3: %4 technicians in 6 territories with %5 absences; %6 customers with %7 sites, %8 assets, %9 maintenance contracts and %10 preventive plans; %11 days of history and %12 days ahead with %13 work orders (%14 open in the dispatch queue), %15 appointments, %16 ratings and %17 time entries; %18 technician positions today. %19 rows written in %20 s.</source>
        <translation>已在圣保罗（America/Sao_Paulo）为 %1 %2 填充演示现场服务业务，种子为 %3：6 个区域中的 %4 名技术员，共 %5 次缺勤；%6 个客户，共 %7 个站点、%8 项资产、%9 份维护合同和 %10 个预防性计划；%11 天历史和未来 %12 天，共 %13 个工单（调度队列中 %14 个未完成）、%15 个预约、%16 条评分和 %17 条工时记录；今天的技术员位置 %18 条。已在 %20 秒内写入 %19 行。</translation>
    </message>
    <message>
        <source>number of technicians, 1–5000 (default %1)</source>
        <translation>技术员数量，1–5000（默认 %1）</translation>
    </message>
    <message>
        <source>days of history before today, 0–3650 (default %1)</source>
        <translation>今天之前的历史天数，0–3650（默认 %1）</translation>
    </message>
    <message>
        <source>days of planned schedule and queue after today, 0–60 (default %1)</source>
        <translation>今天之后计划排程和队列的天数，0–60（默认 %1）</translation>
    </message>
    <message>
        <source>number of customers, 1–200000 (default %1)</source>
        <translation>客户数量，1–200000（默认 %1）</translation>
    </message>
    <message>
        <source>random seed, 0–4294967295 (default %1): the same seed and --today give the same data</source>
        <translation>随机种子，0–4294967295（默认 %1）：相同的种子和 --today 会生成相同的数据</translation>
    </message>
    <message>
        <source>the demo&apos;s today (default: the current date)</source>
        <translation>演示的今天（默认：当前日期）</translation>
    </message>
    <message>
        <source>the demo&apos;s current time on that day, São Paulo time (default 10:00)</source>
        <translation>演示当天的当前时间，圣保罗时间（默认 10:00）</translation>
    </message>
    <message>
        <source>Fill an empty database with a deterministic demo operation in São Paulo: technicians, customers, sites, assets, contracts and preventive plans, the history of visits (so every KPI has values), today&apos;s and the next days&apos; schedule and queue, and today&apos;s technician positions. One transaction: all or nothing.

The schema is created first if the database has none. A database that already holds technicians, customers or work orders is refused (exit 1): there is no --force, start from an empty database instead.
Exit status: 0 seeded, 2 invalid option, 1 database not empty or other failure.</source>
        <translation>用确定性的演示业务数据填充空数据库（圣保罗）：技术员、客户、站点、资产、合同和预防性计划，上门历史（使每个 KPI 都有数值），今天及之后几天的排程和队列，以及今天的技术员位置。在一个事务中完成：全部或全不。

如果数据库中没有架构，会先创建架构。已包含技术员、客户或工单的数据库会被拒绝（退出码 1）：没有 --force 选项，请改用空数据库。
退出状态：0 已填充，2 选项无效，1 数据库非空或其他失败。</translation>
    </message>
    <message>
        <source>seed-demo takes no arguments (see fieldops-cli seed-demo --help)</source>
        <translation>seed-demo 不接受参数（参见 fieldops-cli seed-demo --help）</translation>
    </message>
    <message>
        <source>--technicians needs a whole number, not &quot;%1&quot;</source>
        <translation>--technicians 需要整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--days needs a whole number, not &quot;%1&quot;</source>
        <translation>--days 需要整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--future-days needs a whole number, not &quot;%1&quot;</source>
        <translation>--future-days 需要整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--customers needs a whole number, not &quot;%1&quot;</source>
        <translation>--customers 需要整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 4294967295, not &quot;%1&quot;</source>
        <translation>--seed 需要 0 到 4294967295 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--today 需要 YYYY-MM-DD 格式的日期，而不是“%1”</translation>
    </message>
    <message>
        <source>--now needs a clock time as HH:MM, not &quot;%1&quot;</source>
        <translation>--now 需要 HH:MM 格式的时间，而不是“%1”</translation>
    </message>
    <message>
        <source>Simulated seconds per real second (default 60).</source>
        <translation>每真实秒对应的模拟秒数（默认 60）。</translation>
    </message>
    <message>
        <source>How long to run, in real seconds (default 60).</source>
        <translation>运行时长，以真实秒计（默认 60）。</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>--speed must be a number above 0 (at most 100000)</source>
        <translation>--speed 必须是大于 0 的数字（最大 100000）</translation>
    </message>
    <message>
        <source>--duration must be a number of seconds above 0</source>
        <translation>--duration 必须是大于 0 的秒数</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed 必须是整数</translation>
    </message>
    <message>
        <source>simulating %1 technicians at %2× for %3 s …</source>
        <translation>正在以 %2× 速度模拟 %1 名技术员，持续 %3 秒 …</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>TECHNICIAN</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>START</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>END</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>TRAVEL</source>
        <translation>路程</translation>
    </message>
    <message>
        <source>SCORE</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>REASONS</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>The work order to place.</source>
        <translation>要安排的工单。</translation>
    </message>
    <message>
        <source>How many candidates at most (1 … %1, default 5).</source>
        <translation>最多候选数量（1 … %1，默认 5）。</translation>
    </message>
    <message>
        <source>Search from this instant (ISO 8601 with an offset or Z; default: now).</source>
        <translation>从此时刻开始搜索（带时区偏移或 Z 的 ISO 8601；默认：现在）。</translation>
    </message>
    <message>
        <source>Search this many days from --from (1 … %1, default 7).</source>
        <translation>从 --from 开始搜索的天数（1 … %1，默认 7）。</translation>
    </message>
    <message>
        <source>Print the candidates as one JSON object.</source>
        <translation>将候选项输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Rank the feasible (technician, start) slots for a work order, best first. Every slot passes the
rules `conflicts` checks (overlap, travel, shift, absence, skill, window); a slot ending after the
SLA due is kept but scores below every slot within it, and its reasons say how late it is.</source>
        <translation>为工单排列可行的（技术员，开始时间）时段，最优的排在前面。每个时段都通过
`conflicts` 检查的规则（重叠、路程、班次、缺勤、技能、窗口）；结束时间晚于
SLA 截止的时段会保留，但得分低于所有在 SLA 内的时段，其原因会说明延迟多久。</translation>
    </message>
    <message>
        <source>suggest needs a work order id, e.g. fieldops-cli suggest WO-000012</source>
        <translation>suggest 需要工单 ID，例如 fieldops-cli suggest WO-000012</translation>
    </message>
    <message>
        <source>suggest takes one work order id (got &quot;%1&quot;)</source>
        <translation>suggest 只接受一个工单 ID（收到的是“%1”）</translation>
    </message>
    <message>
        <source>--top: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--top：“%1”不是 [1, %2] 范围内的整数</translation>
    </message>
    <message>
        <source>--days: &quot;%1&quot; is not a whole number in [1, %2]</source>
        <translation>--days：“%1”不是 [1, %2] 范围内的整数</translation>
    </message>
    <message>
        <source>--from: &quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z</source>
        <translation>--from：“%1”不是带时区偏移或 Z 的 ISO 8601 时间戳</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>没有可行的时段：%1</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>可计费</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>不可计费</translation>
    </message>
    <message>
        <source>Entries: %1, flagged: %2.
</source>
        <translation>记录：%1，已标记：%2。
</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD, UTC) of the entries&apos; starts.</source>
        <translation>记录开始时间的第一天（YYYY-MM-DD，UTC）。</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD, UTC).</source>
        <translation>最后一天（YYYY-MM-DD，UTC）。</translation>
    </message>
    <message>
        <source>Only this technician&apos;s entries.</source>
        <translation>仅此技术员的记录。</translation>
    </message>
    <message>
        <source>Print the entries as one JSON object.</source>
        <translation>将记录输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>time-entries: unknown action &quot;%1&quot; (approve or correct)</source>
        <translation>time-entries：未知操作“%1”（approve 或 correct）</translation>
    </message>
    <message>
        <source>time-entries needs --from and --to, e.g. fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</source>
        <translation>time-entries 需要 --from 和 --to，例如 fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31</translation>
    </message>
    <message>
        <source>--technician needs a technician id</source>
        <translation>--technician 需要技术员 ID</translation>
    </message>
    <message>
        <source>--technician: no technician %1</source>
        <translation>--technician：没有技术员 %1</translation>
    </message>
    <message>
        <source>Time entries to approve.</source>
        <translation>要批准的工时记录。</translation>
    </message>
    <message>
        <source>Approve pending time entries as they were entered, in one transaction. Entries already reviewed
are left as they are.</source>
        <translation>在一个事务中按原样批准待处理的工时记录。已审核的记录
保持不变。</translation>
    </message>
    <message>
        <source>time-entries approve needs at least one entry id</source>
        <translation>time-entries approve 至少需要一个记录 ID</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time entry id</source>
        <translation>“%1”不是工时记录 ID</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>已批准：%1。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Already reviewed, left as they are: %1.</source>
        <translation>已审核，保持不变：%1。</translation>
    </message>
    <message>
        <source>The time entry to correct.</source>
        <translation>要更正的工时记录。</translation>
    </message>
    <message>
        <source>New start (ISO 8601 with offset or Z).</source>
        <translation>新的开始时间（带时区偏移或 Z 的 ISO 8601）。</translation>
    </message>
    <message>
        <source>New end (ISO 8601 with offset or Z).</source>
        <translation>新的结束时间（带时区偏移或 Z 的 ISO 8601）。</translation>
    </message>
    <message>
        <source>1 billable, 0 not.</source>
        <translation>1 为可计费，0 为不可计费。</translation>
    </message>
    <message>
        <source>What was done.</source>
        <translation>所做的工作。</translation>
    </message>
    <message>
        <source>The version the entry was read at; refused if it moved on.</source>
        <translation>读取记录时的版本；如果之后已变更则拒绝。</translation>
    </message>
    <message>
        <source>Correct a time entry: it becomes corrected and is billed as corrected; the audit log keeps the
values it replaces. With --version, an entry changed since that version is refused.</source>
        <translation>更正工时记录：记录变为已更正状态并按更正后的值计费；审计日志会保留
被替换的值。使用 --version 时，自该版本后已变更的记录会被拒绝。</translation>
    </message>
    <message>
        <source>time-entries correct needs exactly one entry id</source>
        <translation>time-entries correct 只需要一个记录 ID</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time with an offset, e.g. 2026-03-02T09:00:00Z</source>
        <translation>--%1：“%2”不是带时区偏移的时间，例如 2026-03-02T09:00:00Z</translation>
    </message>
    <message>
        <source>--billable: &quot;%1&quot; is not 0 or 1</source>
        <translation>--billable：“%1”不是 0 或 1</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version number</source>
        <translation>--version：“%1”不是版本号</translation>
    </message>
    <message>
        <source>time-entries correct needs at least one of --start, --end, --billable, --comment</source>
        <translation>time-entries correct 至少需要 --start、--end、--billable、--comment 中的一个</translation>
    </message>
    <message>
        <source>Corrected time entry %1; now at version %2.</source>
        <translation>已更正工时记录 %1；当前版本为 %2。</translation>
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
                                  在 FieldOps 角色中新建登录
  list [--json]                   所有 FieldOps 登录：角色、区域、是否停用
  set-role NAME --role R          将登录移至另一个 FieldOps 角色
  set-territories NAME [--territory T]…
                                  替换其区域（不指定：所有区域）
  disable NAME                    该登录不再可以登录（NOLOGIN）
  enable NAME                     该登录可以再次登录（LOGIN）</translation>
    </message>
    <message>
        <source>limit a dispatcher to this territory (repeatable; none: all territories)</source>
        <translation>将调度员限定在此区域（可重复；不指定：所有区域）</translation>
    </message>
    <message>
        <source>read the new user&apos;s password from the first line of standard input</source>
        <translation>从标准输入的第一行读取新用户的密码</translation>
    </message>
    <message>
        <source>list: print JSON instead of a table</source>
        <translation>list：输出 JSON 而不是表格</translation>
    </message>
    <message>
        <source>add, list, set-role, set-territories, disable or enable</source>
        <translation>add、list、set-role、set-territories、disable 或 enable</translation>
    </message>
    <message>
        <source>the login name (every action but list)</source>
        <translation>登录名（除 list 外的所有操作）</translation>
    </message>
    <message>
        <source>Manage the PostgreSQL logins in FieldOps roles (admins only):
</source>
        <translation>管理 FieldOps 角色中的 PostgreSQL 登录（仅限管理员）：
</translation>
    </message>
    <message>
        <source>usage: fieldops-cli user add|list|set-role|set-territories|disable|enable … (see user --help)</source>
        <translation>用法：fieldops-cli user add|list|set-role|set-territories|disable|enable …（参见 user --help）</translation>
    </message>
    <message>
        <source>user %1 takes one login name</source>
        <translation>user %1 只接受一个登录名</translation>
    </message>
    <message>
        <source>user %1 takes no login name</source>
        <translation>user %1 不接受登录名</translation>
    </message>
    <message>
        <source>--%1 does not go with user %2</source>
        <translation>--%1 不能与 user %2 一起使用</translation>
    </message>
    <message>
        <source>user %1 needs --role R</source>
        <translation>user %1 需要 --role R</translation>
    </message>
    <message>
        <source>user %1 is a %2</source>
        <translation>用户 %1 的角色为 %2</translation>
    </message>
    <message>
        <source>user %1 is now a %2</source>
        <translation>用户 %1 的角色现为 %2</translation>
    </message>
    <message>
        <source>user %1 now works in every territory</source>
        <translation>用户 %1 现在可在所有区域工作</translation>
    </message>
    <message>
        <source>user %1 is now limited to %2</source>
        <translation>用户 %1 现限定于 %2</translation>
    </message>
    <message>
        <source>user %1 may log in</source>
        <translation>用户 %1 可以登录</translation>
    </message>
    <message>
        <source>user %1 may no longer log in</source>
        <translation>用户 %1 不再可以登录</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (另有 %1 项)</translation>
    </message>
    <message>
        <source>warning: %1: not a work-order field; ignored</source>
        <translation>警告：%1：不是工单字段；已忽略</translation>
    </message>
    <message>
        <source>version: a new work order has no version yet; leave it out</source>
        <translation>version：新工单还没有版本；请省略该字段</translation>
    </message>
    <message>
        <source>site_id: a value is required (the site where the work is done)</source>
        <translation>site_id：需要提供值（执行工作的站点）</translation>
    </message>
    <message>
        <source>duration_min: a value is required (the estimated minutes of work)</source>
        <translation>duration_min：需要提供值（预计工作分钟数）</translation>
    </message>
    <message>
        <source>id: a work order&apos;s id cannot change (%1 in the object, %2 on the command line)</source>
        <translation>id：工单的 ID 不能更改（对象中为 %1，命令行中为 %2）</translation>
    </message>
    <message>
        <source>status: cancel with `fieldops-cli work-order cancel %1 --reason TEXT`</source>
        <translation>status：请使用 `fieldops-cli work-order cancel %1 --reason TEXT` 取消</translation>
    </message>
    <message>
        <source>work order %1 is at version %2, not %3</source>
        <translation>工单 %1 的版本为 %2，而不是 %3</translation>
    </message>
    <message>
        <source>version: %1 is stale; nothing was changed: %2</source>
        <translation>version：%1 已过期；未做任何更改：%2</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 已取消</translation>
    </message>
    <message>
        <source>%1 cancelled with its visits %2</source>
        <translation>%1 已取消，连同其上门 %2</translation>
    </message>
    <message>
        <source>Why the work order is cancelled (cancel).</source>
        <translation>取消工单的原因（cancel）。</translation>
    </message>
    <message>
        <source>create, update ID or cancel ID</source>
        <translation>create、update ID 或 cancel ID</translation>
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
        <translation>新建、修改或取消工单。
  create          从标准输入读取一个 JSON 对象，其键为 work_orders.csv 的
                  列（id 可选，required_skills 为列表；未提供时，contract_id 为
                  指定该资产的合同，否则为指定该站点的合同，再否则为通用合同，sla_due
                  和 response_due 由其条款得出）
                  并输出新工单的 id
  update ID       读取要更改的键（添加 &quot;version&quot; 可拒绝过期的更新）
  cancel ID --reason TEXT   取消工单及其尚未进行的上门</translation>
    </message>
    <message>
        <source>--reason belongs to cancel</source>
        <translation>--reason 仅用于 cancel</translation>
    </message>
    <message>
        <source>cancel_reason: cancel needs --reason TEXT saying why</source>
        <translation>cancel_reason：cancel 需要 --reason TEXT 说明原因</translation>
    </message>
    <message>
        <source>usage: fieldops-cli work-order create | update ID | cancel ID --reason TEXT</source>
        <translation>用法：fieldops-cli work-order create | update ID | cancel ID --reason TEXT</translation>
    </message>
    <message>
        <source>--version: &quot;%1&quot; is not a version (a whole number from 1)</source>
        <translation>--version：“%1”不是版本号（从 1 起的整数）</translation>
    </message>
    <message>
        <source>version: must be a whole number from 1</source>
        <translation>version：必须是从 1 起的整数</translation>
    </message>
    <message>
        <source>version: %1 differs from --version %2</source>
        <translation>version：%1 与 --version %2 不一致</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 updated (version %2)</source>
        <translation>%1 已更新（版本 %2）</translation>
    </message>
    <message>
        <source>%1 activated (version %2)</source>
        <translation>%1 已启用（版本 %2）</translation>
    </message>
    <message>
        <source>%1 deactivated (version %2); its open episodes stay open</source>
        <translation>%1 已停用（版本 %2）；其未结束的事件保持打开</translation>
    </message>
    <message>
        <source>update, deactivate, activate: the version the rule was read at; refused if it moved on.</source>
        <translation>update、deactivate、activate：读取规则时的版本；若规则已更改则拒绝。</translation>
    </message>
    <message>
        <source>create, update ID [FILE], deactivate ID, activate ID or list</source>
        <translation>create、update ID [FILE]、deactivate ID、activate ID 或 list</translation>
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
        <translation>资产读数的条件规则。
  create   从标准输入读取一个 JSON 对象，其键为 condition_rules 的列
           （id 可选；asset_id 或 asset_model；kind threshold|rate|usage|anomaly 及其
           参数；task、work_order_type、required_skills、duration_min、priority、active）
           并打印新的 id
  update ID [FILE|-]
           从 FILE 或标准输入读取一个键相同的 JSON 对象：给出的键
           替换规则中的值（null 清除可选值），其余保持不变；新的 kind
           会丢弃旧 kind 的参数；检查方式同 create；&quot;version&quot;（或 --version）
           为读取时的版本，若规则在此期间被更改则拒绝
  deactivate ID, activate ID
           停止或恢复评估该规则；它已开出的事件保持原样
  list     所有规则，每行一条（--json：键相同的对象数组）</translation>
    </message>
    <message>
        <source>usage: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</source>
        <translation>用法：fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]</translation>
    </message>
    <message>
        <source>remove raw asset readings older than the retention, keeping their hourly sums ([--keep-days N] [--dry-run] [--json])</source>
        <translation>删除早于保留期的资产原始读数，保留其每小时汇总（[--keep-days N] [--dry-run] [--json]）</translation>
    </message>
    <message>
        <source>condition rules on asset readings: create (one JSON object on stdin), update ID [FILE], deactivate ID, activate ID, list [--json]</source>
        <translation>资产读数的条件规则：create（标准输入中的一个 JSON 对象）、update ID [FILE]、deactivate ID、activate ID、list [--json]</translation>
    </message>
    <message>
        <source>Keep the raw readings of the last N days (default %1, at least %2).</source>
        <translation>保留最近 N 天的原始读数（默认 %1，至少 %2）。</translation>
    </message>
    <message>
        <source>Report what would be removed; remove nothing.</source>
        <translation>报告将被删除的内容；不删除任何内容。</translation>
    </message>
    <message>
        <source>Remove the raw asset readings older than the retention. The hourly sums stay (charts and
anomaly baselines read them), and each asset keeps the last reading of each kind.
On PostgreSQL whole weeks go at once: a reading may stay up to a week longer.</source>
        <translation>删除早于保留期的资产原始读数。每小时汇总保留（图表和
异常基线会读取它们），每个资产保留每种读数的最后一条。
在 PostgreSQL 上按整周删除：一条读数最多可能多保留一周。</translation>
    </message>
    <message>
        <source>prune-readings takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-readings 除选项外不接受参数（收到“%1”）</translation>
    </message>
    <message>
        <source>--keep-days: %1 is too few; the asset health view draws a week of raw readings, keep at least %2</source>
        <translation>--keep-days：%1 太少；资产健康视图会绘制一周的原始读数，请至少保留 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 would be removed (dry run: nothing removed)</source>
        <translation>
            <numerusform>将删除 %1 之前的 %n 条原始读数（试运行：未删除任何内容）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw reading(s) before %1 removed; their hourly sums kept</source>
        <translation>
            <numerusform>已删除 %1 之前的 %n 条原始读数；保留其每小时汇总</numerusform>
        </translation>
    </message>
    <message>
        <source>Play the technicians&apos; phones: positions, en route / on site / completed, time entries and ratings, and the connected equipment&apos;s sensor readings, written live to the database.</source>
        <translation>模拟技术人员的手机：位置、在途 / 到场 / 完成、工时记录和评分，以及联网设备的传感器读数，实时写入数据库。</translation>
    </message>
    <message>
        <source>simulated until %1: %2 positions, %3 departures, %4 arrivals, %5 completed (%6 unresolved), %7 time entries, %8 ratings, %9 sensor readings (%10 faults started on %11 connected units)</source>
        <translation>模拟至 %1：%2 个位置、%3 次出发、%4 次到达、%5 次完成（%6 次未解决）、%7 条工时记录、%8 条评分、%9 条传感器读数（%11 台联网设备上开始了 %10 次故障）</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a whole number of minutes from %3 to %4</source>
        <translation>--%1：“%2”不是 %3 到 %4 之间的整数分钟数</translation>
    </message>
    <message>
        <source>%1: %2 visits; inferred arrival for %3, departure for %4; %5 changed</source>
        <translation>%1：%2 次拜访；推断出 %3 次到达、%4 次离开；%5 次有变化</translation>
    </message>
    <message>
        <source>No discrepancies between the status taps and the positions.
</source>
        <translation>状态点按与位置之间没有差异。
</translation>
    </message>
    <message>
        <source>Discrepancies (%1):
</source>
        <translation>差异（%1）：
</translation>
    </message>
    <message>
        <source>The day (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>日期（YYYY-MM-DD，按各技术员的时区）。</translation>
    </message>
    <message>
        <source>The geofence around each site, in metres (default %1; a fix&apos;s accuracy widens it).</source>
        <translation>每个地点周围的地理围栏半径，单位米（默认 %1；定位精度会将其扩大）。</translation>
    </message>
    <message>
        <source>Minutes inside the fence that make a stay, and outside that end one (default %1).</source>
        <translation>在围栏内停留多少分钟算作一次停留，在围栏外多少分钟结束停留（默认 %1）。</translation>
    </message>
    <message>
        <source>Minutes without a fix that still continue a stay (default %1).</source>
        <translation>无定位时仍视为继续停留的分钟数（默认 %1）。</translation>
    </message>
    <message>
        <source>Minutes a tap may differ from the positions before it is listed (default 10).</source>
        <translation>状态点按与位置相差多少分钟才列出（默认 10）。</translation>
    </message>
    <message>
        <source>Only this technician (may be repeated).</source>
        <translation>仅此技术员（可重复）。</translation>
    </message>
    <message>
        <source>Infer and list; write nothing.</source>
        <translation>推断并列出；不写入任何内容。</translation>
    </message>
    <message>
        <source>Infer each visit&apos;s arrival and departure from the technicians&apos; positions: the first fix of a
stay inside the site&apos;s geofence lasting the dwell, and the last fix inside before leaving for
longer. Keep them beside the status taps, and list the visits where the two disagree by more
than the tolerance or a status was never sent.</source>
        <translation>根据技术员的位置推断每次拜访的到达和离开时间：在地点地理围栏内持续达到停留时长的第一次定位，
以及离开较长时间之前在围栏内的最后一次定位。将其与状态点按并列保存，并列出两者相差超过容差
或从未发送状态的拜访。</translation>
    </message>
    <message>
        <source>infer-arrivals takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>infer-arrivals 除选项外不接受参数（收到“%1”）</translation>
    </message>
    <message>
        <source>infer-arrivals needs --date, e.g. fieldops-cli infer-arrivals --date 2026-03-02</source>
        <translation>infer-arrivals 需要 --date，例如 fieldops-cli infer-arrivals --date 2026-03-02</translation>
    </message>
    <message>
        <source>--radius: &quot;%1&quot; is not a number of metres from %2 to %3</source>
        <translation>--radius：“%1”不是 %2 到 %3 之间的米数</translation>
    </message>
    <message>
        <source>infer the visits&apos; arrival and departure from the technicians&apos; positions and list where the status taps disagree (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])</source>
        <translation>根据技术员的位置推断拜访的到达和离开时间，并列出与状态点按不一致之处（--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json]）</translation>
    </message>
    <message>
        <source>lapses: %1 on-site taps forgotten, %2 sent early from the road, %3 GPS gaps, %4 drifting fixes</source>
        <translation>疏漏：忘记点按到场 %1 次，在路上提前点按 %2 次，GPS 中断 %3 次，漂移定位 %4 个</translation>
    </message>
    <message>
        <source>List the time entries of a period with their review state and flags (overlap, outside_visit,
gps_mismatch, no_comment). `time-entries approve ID…` approves pending entries as entered; `time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrects one (the audit log
keeps the values it replaces).</source>
        <translation>列出某一期间的工时记录及其审核状态和标记（overlap、outside_visit、
gps_mismatch、no_comment）。`time-entries approve ID…` 按原样批准待审核的记录；`time-entries correct
ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` 更正一条记录（审计日志
保留被替换的值）。</translation>
    </message>
    <message>
        <source>Travel times from the OSRM routing service at URL (e.g. http://127.0.0.1:5000); straight-line times when it fails.</source>
        <translation>来自 URL 处 OSRM 路线服务的行程时间（例如 http://127.0.0.1:5000）；失败时使用直线时间。</translation>
    </message>
    <message>
        <source>absorb a change of the day with the fewest moves, options with their cost (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])</source>
        <translation>以最少的移动吸收当天的变化，列出各方案及其代价（--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]]）</translation>
    </message>
    <message>
        <source>the parts on hand per warehouse and technician&apos;s van, with their reorder points ([--location L] [--json])</source>
        <translation>各仓库和技术员车辆上的现有零件及其再订货点（[--location L] [--json]）</translation>
    </message>
    <message>
        <source>the parts below their reorder point at each location, and by how much ([--json])</source>
        <translation>各地点低于再订货点的零件及差额（[--json]）</translation>
    </message>
    <message>
        <source>move stock of a part between warehouses and vans, refused when the source lacks it (--sku S --from L --to L --quantity Q [--json])</source>
        <translation>在仓库和车辆之间移动零件库存，来源不足时拒绝（--sku S --from L --to L --quantity Q [--json]）</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is. The absence is recorded.
</source>
        <translation>没有需要移动的：当天可以原样吸收这一变化。缺勤已记录。
</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.
</source>
        <translation>没有需要移动的：当天可以原样吸收这一变化。
</translation>
    </message>
    <message>
        <source>Displaced: %1
</source>
        <translation>被挤出：%1
</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1
</source>
        <translation>保留原位（已锁定或进行中）：%1
</translation>
    </message>
    <message>
        <source>%1. %2 — cost %3: %4 moved, %5 to the queue, %6 new, %7 min more travel, %8 min past SLA
</source>
        <translation>%1. %2 — 代价 %3：移动 %4 个，退回队列 %5 个，新增 %6 个，多行程 %7 分钟，超出 SLA %8 分钟
</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>     %1: %2 → %3
</source>
        <translation>     %1：%2 → %3
</translation>
    </message>
    <message>
        <source>Option %1 written.
</source>
        <translation>方案 %1 已写入。
</translation>
    </message>
    <message>
        <source>Nothing written (add --apply to write the first option, or --apply --option N).
</source>
        <translation>未写入任何内容（加 --apply 写入第一个方案，或 --apply --option N）。
</translation>
    </message>
    <message>
        <source>The day to repair (YYYY-MM-DD, in each technician&apos;s time zone).</source>
        <translation>要修复的日期（YYYY-MM-DD，按各技术员的时区）。</translation>
    </message>
    <message>
        <source>This technician is off for the rest of the day.</source>
        <translation>该技术员当天余下时间缺勤。</translation>
    </message>
    <message>
        <source>With --absent: off from this instant (ISO 8601 with an offset or Z; default: the day&apos;s start).</source>
        <translation>与 --absent 一起：从此时刻起缺勤（带偏移或 Z 的 ISO 8601；默认：当天开始）。</translation>
    </message>
    <message>
        <source>This visit (appointment id) runs long.</source>
        <translation>此访问（预约 id）超时。</translation>
    </message>
    <message>
        <source>With --overrun: by this many minutes.</source>
        <translation>与 --overrun 一起：超时的分钟数。</translation>
    </message>
    <message>
        <source>This work order in the queue must go today.</source>
        <translation>队列中的此工单必须今天处理。</translation>
    </message>
    <message>
        <source>Only this territory&apos;s technicians take visits.</source>
        <translation>只有该区域的技术员接收访问。</translation>
    </message>
    <message>
        <source>Seconds the optimiser may search for each option (decimal, default 0.5).</source>
        <translation>优化器为每个方案搜索的秒数（可带小数，默认 0.5）。</translation>
    </message>
    <message>
        <source>Print the options as one JSON object.</source>
        <translation>将方案输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Write an option (the cheapest unless --option), in one transaction.</source>
        <translation>在一个事务中写入一个方案（除非指定 --option，否则为代价最低者）。</translation>
    </message>
    <message>
        <source>With --apply: the option&apos;s number as listed (1 is the cheapest).</source>
        <translation>与 --apply 一起：列表中的方案编号（1 为代价最低）。</translation>
    </message>
    <message>
        <source>Propose the smallest changes that absorb a change of the day: a technician off sick (--absent),
a visit running long (--overrun with --minutes) or an urgent job (--urgent). Only the visits the
change displaces move; locked and started visits stay. Each option comes with its cost, cheapest
first, and every visit it proposes passes the rules `conflicts` checks. Without --apply nothing
is written.</source>
        <translation>提出吸收当天变化的最小改动：技术员病假（--absent）、
访问超时（--overrun 加 --minutes）或紧急任务（--urgent）。只移动受变化影响的访问；
已锁定和已开始的访问保持不动。每个方案附带代价，代价最低者在前，
提出的每个访问都通过 `conflicts` 检查的规则。不加 --apply
则不写入任何内容。</translation>
    </message>
    <message>
        <source>repair takes no arguments (got &quot;%1&quot;)</source>
        <translation>repair 不接受参数（收到“%1”）</translation>
    </message>
    <message>
        <source>repair needs --date, e.g. fieldops-cli repair --date 2026-03-02 --absent t7</source>
        <translation>repair 需要 --date，例如 fieldops-cli repair --date 2026-03-02 --absent t7</translation>
    </message>
    <message>
        <source>repair needs exactly one of --absent, --overrun and --urgent</source>
        <translation>repair 需要 --absent、--overrun 和 --urgent 中的恰好一个</translation>
    </message>
    <message>
        <source>--absent needs a technician id</source>
        <translation>--absent 需要技术员 id</translation>
    </message>
    <message>
        <source>--from goes with --absent</source>
        <translation>--from 需与 --absent 一起使用</translation>
    </message>
    <message>
        <source>--overrun needs --minutes, a whole number of minutes from 1 to 1440</source>
        <translation>--overrun 需要 --minutes，1 到 1440 之间的整数分钟</translation>
    </message>
    <message>
        <source>--minutes goes with --overrun</source>
        <translation>--minutes 需与 --overrun 一起使用</translation>
    </message>
    <message>
        <source>--option goes with --apply</source>
        <translation>--option 需与 --apply 一起使用</translation>
    </message>
    <message>
        <source>--option: &quot;%1&quot; is not an option number (1, 2, …)</source>
        <translation>--option：“%1”不是方案编号（1、2、…）</translation>
    </message>
    <message>
        <source>--option %1: there are only %2 options</source>
        <translation>--option %1：只有 %2 个方案</translation>
    </message>
    <message>
        <source>%1 takes no arguments besides its options (got &quot;%2&quot;)</source>
        <translation>%1 除选项外不接受参数（收到“%2”）</translation>
    </message>
    <message>
        <source>Only this location (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>仅此地点（warehouse:名称 或 van:技术员）。</translation>
    </message>
    <message>
        <source>Print the stock as one JSON object.</source>
        <translation>将库存输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>--location: &quot;%1&quot; is no location: write warehouse:NAME or van:TECHNICIAN</source>
        <translation>--location：“%1”不是地点：请写 warehouse:名称 或 van:技术员</translation>
    </message>
    <message>
        <source>No stock anywhere.</source>
        <translation>任何地方都没有库存。</translation>
    </message>
    <message>
        <source>No stock at %1.</source>
        <translation>%1 没有库存。</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>QUANTITY</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>MINIMUM</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Print the list as one JSON object.</source>
        <translation>将列表输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Nothing is below its reorder point.</source>
        <translation>没有低于再订货点的零件。</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>短缺</translation>
    </message>
    <message>
        <source>The part to move.</source>
        <translation>要移动的零件。</translation>
    </message>
    <message>
        <source>Where it is taken from (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>从何处取出（warehouse:名称 或 van:技术员）。</translation>
    </message>
    <message>
        <source>Where it goes (warehouse:NAME or van:TECHNICIAN).</source>
        <translation>送往何处（warehouse:名称 或 van:技术员）。</translation>
    </message>
    <message>
        <source>How many (more than 0).</source>
        <translation>数量（大于 0）。</translation>
    </message>
    <message>
        <source>Print the transfer as one JSON object.</source>
        <translation>将调拨输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Move stock of a part from one location to another: both locations and the transfer&apos;s record
are written together, or nothing when the source holds fewer than the quantity.</source>
        <translation>将零件库存从一个地点移到另一个地点：两个地点和调拨记录
一起写入；来源数量不足时不写入任何内容。</translation>
    </message>
    <message>
        <source>transfer needs --%1, e.g. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</source>
        <translation>transfer 需要 --%1，例如 fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2</translation>
    </message>
    <message>
        <source>--quantity: &quot;%1&quot; is not a number greater than 0</source>
        <translation>--quantity：“%1”不是大于 0 的数</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>已将 %1 × %2 从 %3 移到 %4：原处剩 %5，%4 现有 %6。</translation>
    </message>
    <message>
        <source>The month to predict (UTC); the model learns from the visits before it.</source>
        <translation>要预测的月份（UTC）；模型从该月之前的上门记录中学习。</translation>
    </message>
    <message>
        <source>Print the report as one JSON object.</source>
        <translation>将报告输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>How well the predicted durations of visits would have done: learns from the completed visits
before the month, predicts each completed visit of the month (time on site, arrival to
completion) and prints the mean absolute error in minutes and the share of actual
durations inside the predicted interval, beside the work orders&apos; own estimates.</source>
        <translation>预测的上门时长效果如何：从该月之前已完成的上门中学习，
预测该月每次已完成的上门（现场时间，从到达到完成），
并输出以分钟计的平均绝对误差及实际时长落在预测区间内的比例，
与工单自身的估计并列。</translation>
    </message>
    <message>
        <source>durations takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>durations 除选项外不接受参数（收到 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>--holdout-month is required (a month such as 2026-05)</source>
        <translation>必须提供 --holdout-month（如 2026-05 这样的月份）</translation>
    </message>
    <message>
        <source>--holdout-month needs a month YYYY-MM such as 2026-05 (got &quot;%1&quot;)</source>
        <translation>--holdout-month 需要 YYYY-MM 格式的月份，如 2026-05（收到 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>Held-out month %1 (UTC). Completed visits before it, learnt from: %2; in it, predicted: %3.</source>
        <translation>留出月份 %1（UTC）。此前已完成、用于学习的上门：%2；该月内预测的：%3。</translation>
    </message>
    <message>
        <source>No completed visit began in %1: nothing to measure.</source>
        <translation>%1 内没有开始的已完成上门：无可度量。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>MAE (MIN)</source>
        <translation>平均绝对误差（分钟）</translation>
    </message>
    <message>
        <source>INSIDE INTERVAL</source>
        <translation>落在区间内</translation>
    </message>
    <message>
        <source>MEAN WIDTH (MIN)</source>
        <translation>平均宽度（分钟）</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>估计</translation>
    </message>
    <message>
        <source>Predicted from history: %1; took the estimate (fewer than %3 earlier visits of their type): %2.</source>
        <translation>按历史预测：%1；采用估计（同类型此前上门少于 %3 次）：%2。</translation>
    </message>
    <message>
        <source>how well predicted visit durations do on a month they never saw, beside the plain estimates (--holdout-month YYYY-MM [--json])</source>
        <translation>预测的上门时长在未见过的月份上的表现，与普通估计对比（--holdout-month YYYY-MM [--json]）</translation>
    </message>
    <message>
        <source>the travel speed factor each territory&apos;s recorded drives teach, and whether planning uses it ([--date D] [--json])</source>
        <translation>每个区域的行车记录得出的行驶速度系数，以及规划是否使用它（[--date D] [--json]）</translation>
    </message>
    <message>
        <source>Drives of the visits from %1 to %2; a factor needs %3 legs.
</source>
        <translation>%1 至 %2 的上门行车；一个系数需要 %3 段行程。
</translation>
    </message>
    <message>
        <source>No territories.
</source>
        <translation>没有区域。
</translation>
    </message>
    <message>
        <source>TERRITORY</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>LEGS</source>
        <translation>行程段</translation>
    </message>
    <message>
        <source>SET ASIDE</source>
        <translation>剔除</translation>
    </message>
    <message>
        <source>FACTOR</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>PLANNING</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>The day planned (YYYY-MM-DD, default today): what the %1 days before it teach.</source>
        <translation>所规划的日期（YYYY-MM-DD，默认今天）：其前 %1 天的记录所得。</translation>
    </message>
    <message>
        <source>Print the factors as one JSON object.</source>
        <translation>将系数输出为一个 JSON 对象。</translation>
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
        <translation>各区域技术人员实际行车比直线模型慢多少：
取同一技术人员同一天两次已完成上门之间、记录了出发与到达时间（点按，否则为由手机位置推断的时间）
的行程段，计算 行车 ÷ 模型 的中位数，每段计入目的地现场所在区域。模型时间低于 %1 分钟的行程段、
到达不晚于出发的行程段，以及长于 %2 × 模型 + %3 分钟（途中等待）的行程段均被剔除。
有 %4 段或以上时，该系数（限定在 [%5, %6]）用于缩放不带 --osrm 的 suggest、optimize 和 repair 的
行驶时间，且从不低于模型；`conflicts` 的规则检查仍使用模型。</translation>
    </message>
    <message>
        <source>travel-speeds takes no arguments (got &quot;%1&quot;)</source>
        <translation>travel-speeds 不接受参数（收到 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>Take in the field gateway&apos;s events (position, status, outcome, time_entry, part_used, rating, reading, delivered, read), one JSON object per line, all or none. The first bad line is reported as FILE:LINE: key: reason and nothing is written.</source>
        <translation>读入现场网关的事件（position、status、outcome、time_entry、part_used、rating、reading、delivered、read），每行一个 JSON 对象，要么全部写入，要么都不写入。第一行错误报告为 文件:行: 键: 原因，且不写入任何内容。</translation>
    </message>
    <message>
        <source>remove the technicians&apos; outbox notices read more than N days ago (--older-than-days N [--json])</source>
        <translation>删除技术员发件箱中 N 天前已读的通知（--older-than-days N [--json]）</translation>
    </message>
    <message numerus="yes">
        <source>Booked visits moved: %n; the day&apos;s driving of the technicians concerned: %1 min, was %2 min.
</source>
        <translation>
            <numerusform>已移动的预约上门：%n；相关技术员当天驾驶：%1 分钟，原为 %2 分钟。
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
        <translation>重新规划整天：已预约且未锁定、未开始的上门可以
改到其他时间或技术员（列在 &quot;moves&quot; 下）。</translation>
    </message>
    <message>
        <source>Plan a day for the open work orders nobody is booked for. Visits already booked stay where they
are (with --move-booked those neither locked nor started may move); every new or moved visit passes the rules `conflicts` checks (overlap, travel, shift, absence, skill,
window), and what cannot be placed is listed as unassigned. Without --apply nothing is written.</source>
        <translation>为尚无人预约的未完成工单规划一天。已预约的上门保持
不变（使用 --move-booked 时，未锁定且未开始的可以移动）；每个新的或移动的上门都要通过 `conflicts` 检查的规则（重叠、路程、班次、缺勤、技能、
时间窗），无法安排的列为未分配。不加 --apply 时不写入任何内容。</translation>
    </message>
    <message>
        <source>Remove the notices read more than N days ago (N a whole number greater than 0).</source>
        <translation>删除 N 天前已读的通知（N 为大于 0 的整数）。</translation>
    </message>
    <message>
        <source>Print {&quot;removed&quot;:N}.</source>
        <translation>输出 {&quot;removed&quot;:N}。</translation>
    </message>
    <message>
        <source>Remove the technicians&apos; outbox notices read more than N days ago. Notices not delivered
or not read yet stay, however old.</source>
        <translation>删除技术员发件箱中 N 天前已读的通知。尚未送达
或尚未阅读的通知无论多旧都保留。</translation>
    </message>
    <message>
        <source>prune-outbox takes no arguments besides its options (got &quot;%1&quot;)</source>
        <translation>prune-outbox 除选项外不接受参数（收到 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>--older-than-days: a number of days is required, e.g. --older-than-days 30</source>
        <translation>--older-than-days：需要天数，例如 --older-than-days 30</translation>
    </message>
    <message>
        <source>--older-than-days: &quot;%1&quot; must be a whole number greater than 0</source>
        <translation>--older-than-days：&quot;%1&quot; 必须是大于 0 的整数</translation>
    </message>
    <message numerus="yes">
        <source>%n outbox row(s) removed</source>
        <translation>
            <numerusform>已删除 %n 条发件箱记录</numerusform>
        </translation>
    </message>
    <message>
        <source>outbox: %1 notices delivered, %2 read</source>
        <translation>发件箱：已送达 %1 条通知，已读 %2 条</translation>
    </message>
    <message>
        <source>The parts on hand at every warehouse and technician&apos;s van (van:TECHNICIAN), what of them is
reserved for work orders still to be done, what is available, and each part&apos;s reorder point there.</source>
        <translation>每个仓库和技术员货车（van:技术员）中的现有零件、其中为待完成工单
预留的数量、可用数量，以及每个零件在该处的再订货点。</translation>
    </message>
    <message>
        <source>RESERVED</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>The parts whose available quantity (on hand less reserved) is below their reorder point at each
location, with how many are missing to reach it.</source>
        <translation>各地点可用数量（现有减去预留）低于再订货点的零件，
以及还差多少才能达到。</translation>
    </message>
    <message>
        <source>dispatcher, planner, manager, admin or field (the field gateway&apos;s login)</source>
        <translation>dispatcher、planner、manager、admin 或 field（现场网关的登录）</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>填充已取消；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>fieldops::AlertListModel</name>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%1 expected %n min late for %2 · starts %3, arrives about %4</source>
        <translation>
            <numerusform>%1 预计迟到 %n 分钟到达 %2 · 开始时间 %3，约 %4 到达</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (P%2) SLA breached %3 ago · %4</source>
        <translation>%1（P%2）SLA 已超期 %3 · %4</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA due in %3 · %4</source>
        <translation>%1（P%2）SLA 将在 %3 后到期 · %4</translation>
    </message>
    <message>
        <source>%1 late: %2 not on site, start was %3 ago · %4</source>
        <translation>%1 迟到：%2 未到现场，开始时间已过去 %3 · %4</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (P%2) SLA at risk: the plan ends after it falls due in %3 · %4</source>
        <translation>%1（P%2）SLA 有风险：计划在其 %3 后到期之后才结束 · %4</translation>
    </message>
    <message>
        <source>%1: %2 on site by GPS for %3, no on-site status sent · %4</source>
        <translation>%1：据 GPS，%2 已到场 %3，未发送“到场”状态 · %4</translation>
    </message>
    <message>
        <source>%1 overrunning: %2 on site %3 past the planned length · %4</source>
        <translation>%1 超时：%2 在现场已超出计划时长 %3 · %4</translation>
    </message>
    <message>
        <source>%1 left unresolved by %2 %3 ago, no return visit booked · %4</source>
        <translation>%1 于 %3 前被 %2 留下未解决，未预约回访 · %4</translation>
    </message>
    <message>
        <source>%1 on shift, no position for %2</source>
        <translation>%1 值班中，已 %2 无位置</translation>
    </message>
</context>
<context>
    <name>fieldops::AuditHistoryModel</name>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>visit %1</source>
        <translation>上门 %1</translation>
    </message>
    <message>
        <source>required skill %1</source>
        <translation>所需技能 %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
</context>
<context>
    <name>fieldops::BoardEditor</name>
    <message>
        <source>Refused: %1 is inactive and takes no new visits (reactivate them in Technicians first)</source>
        <translation>已拒绝：%1 已停用，不接受新的上门（请先在“技术员”中重新启用）</translation>
    </message>
    <message>
        <source>Choose two booked visits to swap.</source>
        <translation>请选择两个已排定的上门进行交换。</translation>
    </message>
</context>
<context>
    <name>fieldops::CapacityTableModel</name>
    <message>
        <source>%1 / %2 h</source>
        <translation>%1 / %2 小时</translation>
    </message>
    <message>
        <source>all territories</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>%1 (%2 – %3), %4</source>
        <translation>%1（%2 – %3），%4</translation>
    </message>
    <message numerus="yes">
        <source>New preventive work: %1 h in %n visit(s)</source>
        <translation>
            <numerusform>新的预防性工作：%n 次上门共 %1 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free: %1 h of %n technician(s) holding the skills, after absences and bookings</source>
        <translation>
            <numerusform>空闲：具备技能的 %n 名技术员在扣除缺勤和已排定后共 %1 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Already booked: %1 h</source>
        <translation>已排定：%1 小时</translation>
    </message>
    <message>
        <source>At least one territory is overloaded this week.</source>
        <translation>本周至少有一个区域超负荷。</translation>
    </message>
    <message>
        <source>Overloaded: more work than free hours.</source>
        <translation>超负荷：工作量超过空闲工时。</translation>
    </message>
    <message>
        <source>After levelling: %1</source>
        <translation>均衡后：%1</translation>
    </message>
    <message>
        <source>Before levelling: %1</source>
        <translation>均衡前：%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>（无区域）</translation>
    </message>
</context>
<context>
    <name>fieldops::ConsoleSession</name>
    <message>
        <source>the database has schema version %1, newer than this console understands (%2); update FieldOps</source>
        <translation>数据库的架构版本为 %1，高于此控制台支持的版本（%2）；请更新 FieldOps</translation>
    </message>
    <message>
        <source>the connection to the database was lost</source>
        <translation>与数据库的连接已断开</translation>
    </message>
</context>
<context>
    <name>fieldops::DayPlanProposalModel</name>
    <message>
        <source>Travel %1 min → %2 min</source>
        <translation>路程 %1 分钟 → %2 分钟</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1，%2–%3</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
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
        <translation>ID</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiRankingModel</name>
    <message>
        <source>The average pulled toward everyone&apos;s mean by five imaginary ratings: a few ratings cannot top the list</source>
        <translation>用五个虚拟评分将平均值向所有人的均值拉近：少量评分无法排到榜首</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Ranking score</source>
        <translation>排名得分</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiRatingListModel</name>
    <message>
        <source>Rated</source>
        <translation>评分时间</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>fieldops::KpiVisitsModel</name>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>fieldops::SuggestionModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>路程</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>fieldops::TimeEntryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>可计费</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
</context>
<context>
    <name>fieldops::UserListModel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>You are connected as %1</source>
        <translation>您当前以 %1 身份连接</translation>
    </message>
    <message>
        <source>Not limited to any territory</source>
        <translation>不限定任何区域</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>fieldops::UserService</name>
    <message>
        <source>not connected to a database</source>
        <translation>未连接到数据库</translation>
    </message>
    <message>
        <source>the change was saved, but the list could not be read again: %1</source>
        <translation>更改已保存，但无法重新读取列表：%1</translation>
    </message>
    <message>
        <source>%1 was added as %2</source>
        <translation>已添加 %1，角色为 %2</translation>
    </message>
    <message>
        <source>%1&apos;s role is now %2</source>
        <translation>%1 的角色现为 %2</translation>
    </message>
    <message>
        <source>%1 now works in every territory</source>
        <translation>%1 现在可在所有区域工作</translation>
    </message>
    <message>
        <source>%1 is now limited to %2</source>
        <translation>%1 现限定于 %2</translation>
    </message>
    <message>
        <source>%1 may log in again</source>
        <translation>%1 可以再次登录</translation>
    </message>
    <message>
        <source>%1 may no longer log in</source>
        <translation>%1 不再可以登录</translation>
    </message>
</context>
<context>
    <name>fieldops::WorkOrderTableModel</name>
    <message>
        <source>Open</source>
        <extracomment>Work-order status: not finished yet (adjective), not the verb &quot;open a file&quot;.</extracomment>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已排程</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Corrective</source>
        <translation>纠正性维修</translation>
    </message>
    <message>
        <source>Preventive</source>
        <translation>预防性维护</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>1 Urgent</source>
        <translation>1 紧急</translation>
    </message>
    <message>
        <source>2 High</source>
        <translation>2 高</translation>
    </message>
    <message>
        <source>3 Normal</source>
        <translation>3 普通</translation>
    </message>
    <message>
        <source>4 Low</source>
        <translation>4 低</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>窗口开始</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>SLA 截止</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
</context>
<context>
    <name>fieldops::board::ConflictListModel</name>
    <message>
        <source>Double booking</source>
        <translation>重复排定</translation>
    </message>
    <message>
        <source>Travel</source>
        <extracomment>Conflict kind: too little travel time between two visits.</extracomment>
        <translation>路程</translation>
    </message>
    <message>
        <source>Outside shift</source>
        <translation>班次外</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Missing skill</source>
        <translation>缺少技能</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Local time</source>
        <extracomment>Column of the conflicts list when each technician&apos;s time is shown in their own zone.</extracomment>
        <translation>当地时间</translation>
    </message>
</context>
<context>
    <name>fieldops::conditions::ConditionWatch</name>
    <message>
        <source>Condition rules: evaluating…</source>
        <translation>状态规则：正在评估…</translation>
    </message>
    <message>
        <source>Condition rules evaluated by this console</source>
        <translation>状态规则由此控制台评估</translation>
    </message>
    <message>
        <source>Condition rules evaluated by another console</source>
        <translation>状态规则由另一个控制台评估</translation>
    </message>
    <message>
        <source>Condition rules: evaluation failed</source>
        <translation>状态规则：评估失败</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s).</source>
        <translation>
            <numerusform>每 %n 分钟一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Condition rules are not evaluated by this console (not connected, or this user may not open work orders).</source>
        <translation>此控制台不评估状态规则（未连接，或此用户无权新建工单）。</translation>
    </message>
    <message>
        <source>The first evaluation of the condition rules is under way.</source>
        <translation>正在进行状态规则的首次评估。</translation>
    </message>
    <message numerus="yes">
        <source>Last evaluated %1 (UTC): %n rule(s)</source>
        <translation>
            <numerusform>上次评估于 %1（UTC）：%n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) opened</source>
        <translation>
            <numerusform>已新建 %n 个工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s) still breached</source>
        <translation>
            <numerusform>%n 个事件段仍越限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleared.</source>
        <translation>
            <numerusform>已清除 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The last evaluation of the condition rules failed: %1</source>
        <translation>上次状态规则评估失败：%1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>another console</source>
        <translation>另一个控制台</translation>
    </message>
    <message>
        <source>Another console holds the evaluation&apos;s lease: %1. This console takes over when it lets go, or once it has not evaluated for twice the interval.</source>
        <translation>另一个控制台持有评估租约：%1。当它释放租约，或它已有两倍间隔时间未评估时，本控制台将接管。</translation>
    </message>
</context>
<context>
    <name>fieldops::contracts::ContractListModel</name>
    <message>
        <source>Starts %1</source>
        <translation>%1 开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Ended, renewed by %1</source>
        <translation>已结束，由 %1 续签</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>%n 天后结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s), renewed</source>
        <translation>
            <numerusform>%n 天后结束，已续签</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <extracomment>Contract state: in force today.</extracomment>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::AlertsController</name>
    <message>
        <source>&amp;Alert thresholds…</source>
        <translation>警报阈值(&amp;A)…</translation>
    </message>
    <message>
        <source>When an SLA is due soon, a visit late or overrunning, a technician silent: the same for every console</source>
        <translation>SLA 何时即将到期、拜访何时迟到或超时、技术员何时失联：所有控制台相同</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>忽略警报</translation>
    </message>
    <message>
        <source>%1

Why is this alert dismissed? Every console stops showing it.</source>
        <translation>%1

为什么忽略此警报？所有控制台都将不再显示它。</translation>
    </message>
    <message>
        <source>Only managers and administrators change the alert thresholds.</source>
        <translation>只有经理和管理员可以更改警报阈值。</translation>
    </message>
    <message>
        <source>Change alert thresholds</source>
        <translation>更改警报阈值</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ConnectionController</name>
    <message>
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Connect to a SQLite file or a PostgreSQL server</source>
        <translation>连接到 SQLite 文件或 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the demo, a server or a database file, and start with it next time</source>
        <translation>打开演示、服务器或数据库文件，并在下次启动时使用它</translation>
    </message>
    <message>
        <source>What your database role may change. The server enforces it; the console only hides what would be refused.</source>
        <translation>您的数据库角色可以更改的内容。由服务器强制执行；控制台只会隐藏会被拒绝的操作。</translation>
    </message>
    <message>
        <source>FieldOps demo</source>
        <translation>FieldOps 演示</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>No schema</source>
        <translation>无架构</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Disconnected, showing last data</source>
        <translation>已断开，显示最近的数据</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <translation>用户：%1</translation>
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
        <translation>初始化数据库？</translation>
    </message>
    <message>
        <source>%1 has no FieldOps schema yet.

Create the tables now? Nothing else in the database is changed.</source>
        <translation>%1 还没有 FieldOps 架构。

现在创建数据表吗？数据库中的其他内容不会被更改。</translation>
    </message>
    <message>
        <source>FieldOps</source>
        <translation>FieldOps</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>排程</translation>
    </message>
    <message>
        <source>work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>absences</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>technicians</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>KPI 目标</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>仅查看</translation>
    </message>
    <message>
        <source>May edit: %1</source>
        <translation>可编辑：%1</translation>
    </message>
    <message>
        <source> · manages users</source>
        <translation> · 管理用户</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>time entries</source>
        <translation>工时记录</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::ConnectionDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation>连接到数据库</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>（新连接）</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>This build has no keychain support: passwords are never stored.</source>
        <translation>此版本不支持钥匙串：密码永远不会被保存。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>最近(&amp;R)：</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>connected; the database has no FieldOps schema yet (it can be initialised after connecting)</source>
        <translation>已连接；数据库还没有 FieldOps 架构（连接后可以初始化）</translation>
    </message>
    <message>
        <source>connected; schema version %1 will be upgraded to %2</source>
        <translation>已连接；架构版本 %1 将升级到 %2</translation>
    </message>
    <message>
        <source>connected; schema version %1</source>
        <translation>已连接；架构版本 %1</translation>
    </message>
    <message>
        <source>, read-only for %1</source>
        <translation>，%1 只读</translation>
    </message>
    <message>
        <source>, writable as %1</source>
        <translation>，以 %1 身份可写</translation>
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
        <translation>新建%1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>The renewal was not saved: %1</source>
        <translation>续签未保存：%1</translation>
    </message>
    <message>
        <source>Renew contract %1 as %2</source>
        <translation>将合同 %1 续签为 %2</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::CustomersTabController</name>
    <message>
        <source>New %1 %2</source>
        <translation>新建%1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>Remove contact %1</source>
        <translation>删除联系人 %1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::DockController</name>
    <message>
        <source>Unassigned queue</source>
        <translation>未分配队列</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>详情面板</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
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
        <translation>告警（%1）</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MainWindow</name>
    <message>
        <source>Work order %1 has no pin on the map (closed, or hidden by the map&apos;s filter).</source>
        <translation>工单 %1 在地图上没有标记（已关闭，或被地图筛选隐藏）。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About FieldOps Console</source>
        <translation>关于 FieldOps Console(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>About FieldOps Console</source>
        <translation>关于 FieldOps Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;A dispatcher console for field-service operations: work orders, the unassigned queue, technicians&apos; schedules, SLAs and KPIs, on a SQLite file or a shared PostgreSQL server.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldOps Console %1&lt;/h3&gt;&lt;p&gt;面向现场服务运营的调度控制台：工单、未分配队列、技术员排程、SLA 和 KPI，可使用 SQLite 文件或共享的 PostgreSQL 服务器。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Message sent to %n technician(s).</source>
        <translation>
            <numerusform>消息已发送给 %n 名技术员。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MapAssignController</name>
    <message>
        <source>Assign from the map</source>
        <translation>从地图分配</translation>
    </message>
    <message>
        <source>Assign %1 to %2 at their next free slot:
%3 – %4</source>
        <translation>将 %1 分配给 %2 的下一个空闲时段：
%3 – %4</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>无冲突。</translation>
    </message>
    <message>
        <source>Not connected for editing: the assignment was not made.</source>
        <translation>未以可编辑方式连接：未完成分配。</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::MessageController</name>
    <message>
        <source>&amp;Message technicians…</source>
        <translation>给技术员发消息(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Send a text to technicians&apos; phones (Ctrl+M)</source>
        <translation>向技术员的手机发送文字（Ctrl+M）</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::OptimizeController</name>
    <message>
        <source>Optimize day</source>
        <translation>优化当天</translation>
    </message>
    <message>
        <source>&amp;Optimize day…</source>
        <translation>优化当天(&amp;O)…</translation>
    </message>
    <message>
        <source>Plan the day&apos;s unassigned work orders and preview the result on the board (Ctrl+Shift+P).</source>
        <translation>规划当天未分配的工单，并在看板上预览结果（Ctrl+Shift+P）。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Optimizing %1…</source>
        <translation>正在优化 %1…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was proposed.</source>
        <translation>已取消：未提出任何方案。</translation>
    </message>
    <message>
        <source>Optimize %1</source>
        <translation>优化 %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book the proposal.</source>
        <translation>请打开“排程”选项卡以排定此方案。</translation>
    </message>
    <message>
        <source>Read only: the proposal was not booked.</source>
        <translation>只读：方案未排定。</translation>
    </message>
    <message>
        <source>The proposal for %1 is stale: nothing was booked.</source>
        <translation>%1 的方案已过期：未排定任何内容。</translation>
    </message>
    <message>
        <source>%1 The proposal is stale: Solve again to plan the day as it is now.</source>
        <translation>%1 方案已过期：请重新求解，以按当前情况规划当天。</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n visit(s). Undo (Ctrl+Z) takes them all back.</source>
        <translation>
            <numerusform>已排定 %n 次上门。撤销（Ctrl+Z）会将它们全部撤回。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n proposed visit(s) for %1.</source>
        <translation>
            <numerusform>已为 %1 排定 %n 次建议的上门。</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal discarded: nothing was booked.</source>
        <translation>方案已放弃：未排定任何内容。</translation>
    </message>
    <message>
        <source>The schedule changed since this proposal was made: it is stale and cannot be accepted. Solve again to plan the day as it is now.</source>
        <translation>此方案生成后排程已发生变化：方案已过期，无法接受。请重新求解，以按当前情况规划当天。</translation>
    </message>
    <message numerus="yes">
        <source>Re-plan %1: %n new visit(s), %2 moved</source>
        <translation>
            <numerusform>重新规划 %1：%n 个新上门，移动 %2 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked %n new visit(s) and moved %1. Undo (Ctrl+Z) takes it all back.</source>
        <translation>
            <numerusform>已预约 %n 个新上门并移动 %1 个。撤销（Ctrl+Z）可全部还原。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-planned %1: %n new visit(s), %2 moved.</source>
        <translation>
            <numerusform>已重新规划 %1：%n 个新上门，移动 %2 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed&lt;br&gt;%2&lt;br&gt;Not booked yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 建议&lt;br&gt;%2&lt;br&gt;尚未预约：在“优化当天”面板中接受或放弃。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · proposed move&lt;br&gt;from %2, %3&lt;br&gt;to %4&lt;br&gt;Not moved yet: Accept or Discard in the Optimize day panel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 建议移动&lt;br&gt;从 %2，%3&lt;br&gt;到 %4&lt;br&gt;尚未移动：在“优化当天”面板中接受或放弃。</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::PartsTabController</name>
    <message>
        <source>&amp;Transfer stock…</source>
        <translation>调拨库存(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans (Ctrl+Shift+T)</source>
        <translation>在仓库和车辆之间调拨库存 (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>未连接到数据库。</translation>
    </message>
    <message>
        <source>Your role may read the stock but not change it; dispatchers, planners and administrators move stock.</source>
        <translation>您的角色可以查看库存但不能修改；调度员、计划员和管理员可以调拨库存。</translation>
    </message>
    <message>
        <source>Your role may move stock but not change reorder points; planners and administrators do.</source>
        <translation>您的角色可以调拨库存但不能修改再订货点；计划员和管理员可以。</translation>
    </message>
    <message>
        <source>Your role may change reorder points but not move stock; dispatchers, planners and administrators do.</source>
        <translation>您的角色可以修改再订货点但不能调拨库存；调度员、计划员和管理员可以。</translation>
    </message>
    <message>
        <source>Reorder point of %1 at %2: %3 → %4</source>
        <translation>%1 在 %2 的再订货点：%3 → %4</translation>
    </message>
    <message>
        <source>Move %1 × %2 from %3 to %4</source>
        <translation>将 %1 × %2 从 %3 调拨到 %4</translation>
    </message>
    <message>
        <source>Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.</source>
        <translation>已将 %1 × %2 从 %3 调拨到 %4：原处剩余 %5，%4 现有 %6。</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::RepairController</name>
    <message>
        <source>Make room for the &amp;urgent job…</source>
        <translation>为紧急任务腾出空间(&amp;U)…</translation>
    </message>
    <message>
        <source>Book the selected work order on the board&apos;s day, bumping a lower-priority visit if nothing is free (Ctrl+Shift+U).</source>
        <translation>将所选工单预约到调度板当天，若无空闲则挤掉一个较低优先级的访问（Ctrl+Shift+U）。</translation>
    </message>
    <message>
        <source>Select the urgent work order in the queue first.</source>
        <translation>请先在队列中选择紧急工单。</translation>
    </message>
    <message>
        <source>Technician off sick</source>
        <translation>技术员病假</translation>
    </message>
    <message>
        <source>Visit runs long</source>
        <translation>访问超时</translation>
    </message>
    <message>
        <source>The visit will end this many minutes late:</source>
        <translation>访问将推迟结束的分钟数：</translation>
    </message>
    <message>
        <source>Make room for the urgent job</source>
        <translation>为紧急任务腾出空间</translation>
    </message>
    <message>
        <source>Open the schedule to repair its day.</source>
        <translation>请打开排程以修复当天。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Working out the options…</source>
        <translation>正在计算方案…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Undo text of a repair of the day: what changed, then the option chosen.</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Condition rules</source>
        <translation>状态规则</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路线</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::StoryController</name>
    <message>
        <source>Work order &amp;story…</source>
        <translation>工单经过(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The selected work order&apos;s visits, time, parts, ratings and notices in a window of its own, to read, print or export</source>
        <translation>在单独的窗口中查看所选工单的访问、工时、零件、评分和通知，可阅读、打印或导出</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::SuggestionController</name>
    <message>
        <source>Who can do %1 (%2 min)?</source>
        <translation>谁可以处理 %1（%2 分钟）？</translation>
    </message>
    <message>
        <source>Who can do %1 · %2 (%3 min)?</source>
        <translation>谁可以处理 %1 · %2（%3 分钟）？</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Suggest &amp;technician…</source>
        <translation>推荐技术员(&amp;T)…</translation>
    </message>
    <message>
        <source>Rank who could do the selected work order, and when (Ctrl+G).</source>
        <translation>排列可以处理所选工单的人员及时间（Ctrl+G）。</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board first.</source>
        <translation>请先在队列或看板上选择一个工单。</translation>
    </message>
    <message>
        <source>Ranking slots for %1…</source>
        <translation>正在为 %1 排列时段…</translation>
    </message>
    <message>
        <source>Open the Schedule tab to book a slot.</source>
        <translation>请打开“排程”选项卡以排定时段。</translation>
    </message>
    <message>
        <source>Read only: the slot was not booked.</source>
        <translation>只读：未排定该时段。</translation>
    </message>
    <message>
        <source>%1 is already booked outside the dates on the board: show its day, then book to move it.</source>
        <translation>%1 已排定在看板显示的日期之外：请先显示其所在日期，再排定以移动它。</translation>
    </message>
    <message>
        <source>Booked %1 with %2 at %3.</source>
        <translation>已将 %1 排定给 %2，时间 %3。</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::TechniciansTabController</name>
    <message>
        <source>Technicians</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Your role may read technicians but not change them; administrators do.</source>
        <translation>您的角色可以查看技术员，但不能修改；管理员可以修改。</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>未连接到数据库。</translation>
    </message>
    <message>
        <source>Your role may read absences but not change them; dispatchers and administrators do.</source>
        <translation>您的角色可以查看缺勤，但不能修改；调度员和管理员可以修改。</translation>
    </message>
    <message>
        <source>New technician %1</source>
        <translation>新建技术员 %1</translation>
    </message>
    <message>
        <source>Edit technician %1</source>
        <translation>编辑技术员 %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Reactivate technician %1</source>
        <translation>重新启用技术员 %1</translation>
    </message>
    <message>
        <source>Deactivate technician %1</source>
        <translation>停用技术员 %1</translation>
    </message>
    <message>
        <source>%1 may get new work again.</source>
        <translation>%1 可以再次接收新工作。</translation>
    </message>
    <message>
        <source>%1 is inactive: kept with their history, given no new work.</source>
        <translation>%1 已停用：保留其历史记录，不再分配新工作。</translation>
    </message>
    <message>
        <source>Absence of %1, 1 visit back to the queue</source>
        <translation>%1 的缺勤，1 次上门退回队列</translation>
    </message>
    <message>
        <source>Absence of %1, %2 visits back to the queue</source>
        <translation>%1 的缺勤，%2 次上门退回队列</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>%1 的缺勤</translation>
    </message>
    <message>
        <source>Edit absence of %1</source>
        <translation>编辑 %1 的缺勤</translation>
    </message>
    <message>
        <source>Remove absence of %1</source>
        <translation>删除 %1 的缺勤</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::TimeTabController</name>
    <message>
        <source>Read-only: your role may not approve or correct time entries.</source>
        <translation>只读：您的角色无权批准或更正工时记录。</translation>
    </message>
    <message>
        <source>Read-only: not connected to a database.</source>
        <translation>只读：未连接到数据库。</translation>
    </message>
    <message>
        <source>Approve time entries %1</source>
        <translation>批准工时记录 %1</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>已批准：%1。</translation>
    </message>
    <message>
        <source>Already reviewed, left as they were: %1.</source>
        <translation>已审核过，保持原样：%1。</translation>
    </message>
    <message>
        <source>Correct time entry %1</source>
        <translation>更正工时记录 %1</translation>
    </message>
    <message>
        <source>Corrected: %1.</source>
        <translation>已更正：%1。</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::VisitOutcomeController</name>
    <message>
        <source>Record visit &amp;outcome…</source>
        <translation>记录拜访结果(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Record how the visit ended: arrival, departure, resolved or why not (Ctrl+Shift+R)</source>
        <translation>记录拜访如何结束：到达、离开、是否解决及原因（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>The selected work order has no visit whose outcome could be recorded.</source>
        <translation>所选工单没有可以记录结果的拜访。</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Work order %1 is back in the queue (%2).
Find a technician for the return visit now?</source>
        <translation>工单 %1 已回到队列（%2）。
现在为回访寻找技术员吗？</translation>
    </message>
    <message>
        <source>Your role may not record visits</source>
        <translation>您的角色无权记录拜访</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>未连接到数据库</translation>
    </message>
    <message>
        <source>Your role may not record visits.</source>
        <translation>您的角色无权记录拜访。</translation>
    </message>
    <message>
        <source>Visit %1 is cancelled; a cancelled visit has no outcome.</source>
        <translation>拜访 %1 已取消；已取消的拜访没有结果。</translation>
    </message>
    <message>
        <source>Outcome of visit %1</source>
        <translation>拜访 %1 的结果</translation>
    </message>
    <message>
        <source>Return visit %1 is in the queue (%2), with the parts reserved.
Find a technician for it now?</source>
        <translation>回访 %1 已在队列中（%2），零件已预留。
现在为它寻找技术员吗？</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderDialog</name>
    <message>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>编辑工单 %1</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Show their version; your edits here are dropped</source>
        <translation>显示对方的版本；您在此处的编辑将被丢弃</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Keep your edits; saving writes them on top of theirs</source>
        <translation>保留您的编辑；保存时将覆盖对方的更改</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>保存（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>尚不可用：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::gui::WorkOrderIntakeController</name>
    <message>
        <source>&amp;New work order…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <source>Log a customer&apos;s call as a work order (Ctrl+N)</source>
        <translation>将客户来电登记为工单（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit work order…</source>
        <translation>编辑工单(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ca&amp;ncel work order…</source>
        <translation>取消工单(&amp;N)…</translation>
    </message>
    <message>
        <source>Why is work order %1 cancelled?</source>
        <translation>取消工单 %1 的原因是什么？</translation>
    </message>
    <message>
        <source>Work order %1 has visits booked (%2); they are cancelled with it.
Why is it cancelled?</source>
        <translation>工单 %1 已排定上门（%2）；这些上门将一并取消。
取消的原因是什么？</translation>
    </message>
    <message>
        <source>Cancel work order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <source>Your role may not change work orders</source>
        <translation>您的角色不能修改工单</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>未连接到数据库</translation>
    </message>
    <message>
        <source>Reading the customers…</source>
        <translation>正在读取客户…</translation>
    </message>
    <message>
        <source>Your role may not open work orders.</source>
        <translation>您的角色不能新建工单。</translation>
    </message>
    <message>
        <source>Your role may read this work order but not change it.</source>
        <translation>您的角色可以查看此工单，但不能修改。</translation>
    </message>
    <message>
        <source>%1 changed work order %2 while you were editing it (now at version %3).</source>
        <translation>在您编辑期间，%1 修改了工单 %2（当前版本为 %3）。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Reading %1&apos;s sites…</source>
        <translation>正在读取 %1 的站点…</translation>
    </message>
    <message>
        <source>New work order %1</source>
        <translation>新建工单 %1</translation>
    </message>
    <message>
        <source>Edit work order %1</source>
        <translation>编辑工单 %1</translation>
    </message>
    <message>
        <source>Cancel work order %1</source>
        <translation>取消工单 %1</translation>
    </message>
</context>
<context>
    <name>fieldops::kpi::KpiService</name>
    <message>
        <source>not connected to a database</source>
        <translation>未连接到数据库</translation>
    </message>
    <message>
        <source>the previous period could not be read: %1</source>
        <translation>无法读取上一期间：%1</translation>
    </message>
    <message>
        <source>no KPI period is shown yet</source>
        <translation>尚未显示任何 KPI 期间</translation>
    </message>
</context>
<context>
    <name>fieldops::parts::StockTableModel</name>
    <message>
        <source>Double-click or press F2 to change the reorder point</source>
        <translation>双击或按 F2 修改再订货点</translation>
    </message>
    <message>
        <source>%1 available, %2 short of the reorder point %3</source>
        <translation>可用 %1，距再订货点 %3 还差 %2</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>短缺</translation>
    </message>
</context>
<context>
    <name>fieldops::parts::TransferFormModel</name>
    <message>
        <source>%1 on hand there, %2 of them reserved for open work orders.</source>
        <translation>该处现有 %1，其中 %2 已为未完成工单预留。</translation>
    </message>
    <message>
        <source>%1 on hand there.</source>
        <translation>该处现有 %1。</translation>
    </message>
    <message>
        <source>Choose the part to move.</source>
        <translation>请选择要调拨的零件。</translation>
    </message>
    <message>
        <source>There is no part %1.</source>
        <translation>没有零件 %1。</translation>
    </message>
    <message>
        <source>Choose where the part comes from.</source>
        <translation>请选择零件的来源。</translation>
    </message>
    <message>
        <source>%1 holds no %2.</source>
        <translation>%1 没有 %2。</translation>
    </message>
    <message>
        <source>Choose where the part goes.</source>
        <translation>请选择零件的去向。</translation>
    </message>
    <message>
        <source>The part is already there: choose another place.</source>
        <translation>零件已在该处：请选择其他位置。</translation>
    </message>
    <message>
        <source>Type how many to move.</source>
        <translation>请输入调拨数量。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>Move more than 0.</source>
        <translation>调拨数量必须大于 0。</translation>
    </message>
    <message>
        <source>%1 holds %2 of %3, fewer than %4.</source>
        <translation>%1 有 %2 个 %3，少于 %4。</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianFormModel</name>
    <message>
        <source>unknown territory &quot;%1&quot;</source>
        <translation>未知区域“%1”</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>未知技能：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::technicians::TechnicianListModel</name>
    <message>
        <source>Employee</source>
        <translation>正式员工</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>承包商</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>雇佣类型</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AbsenceDialog</name>
    <message>
        <source>New absence of %1</source>
        <translation>新建 %1 的缺勤</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>%1 的缺勤</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>Vacation, sick, training, other or your own words</source>
        <translation>休假、病假、培训、其他或自定义说明</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Return these visits to the queue (cancel the appointments) with this absence</source>
        <translation>随此缺勤将这些上门退回队列（取消预约）</translation>
    </message>
    <message>
        <source>Looking for visits booked in this time…</source>
        <translation>正在查找此时间内已排定的上门…</translation>
    </message>
    <message>
        <source>No visits are booked in this time.</source>
        <translation>此时间内没有已排定的上门。</translation>
    </message>
    <message>
        <source>%1 — work order %2 (%3), %4</source>
        <translation>%1 — 工单 %2（%3），%4</translation>
    </message>
    <message>
        <source>1 visit is booked in this time:</source>
        <translation>此时间内已排定 1 次上门：</translation>
    </message>
    <message>
        <source>%1 visits are booked in this time:</source>
        <translation>此时间内已排定 %1 次上门：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertThresholdsDialog</name>
    <message>
        <source>Alert thresholds</source>
        <translation>警报阈值</translation>
    </message>
    <message>
        <source>The same for every console of the operation; the on-time grace is also the KPIs&apos; on-time arrival rule.</source>
        <translation>对整个运营的所有控制台相同；准时宽限也是 KPI 的准时到达规则。</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AlertsView</name>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>忽略(&amp;D)…</translation>
    </message>
    <message>
        <source>Hide this alert for every console, saying why (kept in the history)</source>
        <translation>在所有控制台隐藏此警报并说明原因（保留在历史中）</translation>
    </message>
    <message>
        <source>%1 breached</source>
        <translation>%1 已违约</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1 即将到期</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 迟到</translation>
    </message>
    <message>
        <source>%1 at risk</source>
        <translation>%1 有风险</translation>
    </message>
    <message>
        <source>%1 missed status</source>
        <translation>%1 未发状态</translation>
    </message>
    <message>
        <source>%1 overrunning</source>
        <translation>%1 超时</translation>
    </message>
    <message>
        <source>%1 unresolved</source>
        <translation>%1 未解决</translation>
    </message>
    <message>
        <source>%1 silent</source>
        <translation>%1 失联</translation>
    </message>
    <message>
        <source>%1 predicted late</source>
        <translation>%1 预计迟到</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::AssetHealthView</name>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>未完成工作</translation>
    </message>
    <message>
        <source>Open &amp;customer</source>
        <translation>打开客户(&amp;C)</translation>
    </message>
    <message>
        <source>The asset&apos;s customer page, with its sites and assets</source>
        <translation>该资产所属客户的页面，包含其站点和资产</translation>
    </message>
    <message>
        <source>Site on &amp;map</source>
        <translation>在地图上显示站点(&amp;M)</translation>
    </message>
    <message>
        <source>Open &amp;work</source>
        <translation>打开工单(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <source>A condition rule that opens proactive work when an asset&apos;s readings call for it</source>
        <translation>在资产读数需要时新建主动性工作的状态规则</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Reading:</source>
        <translation>读数：</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <source>Open &amp;work (%1)</source>
        <translation>打开工单(&amp;W)（%1）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <source>Usual band (± %1 sd)</source>
        <translation>常规区间（± %1 个标准差）</translation>
    </message>
    <message>
        <source>Hourly mean</source>
        <translation>每小时均值</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>Rule limit</source>
        <translation>规则限值</translation>
    </message>
    <message>
        <source>%1 has no readings.</source>
        <translation>%1 没有读数。</translation>
    </message>
    <message>
        <source>No %1 readings in this span.</source>
        <translation>此时间范围内没有 %1 读数。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Edit r&amp;ule…</source>
        <translation>编辑规则(&amp;U)…</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>An inactive rule is not evaluated; the work it already opened stays open</source>
        <translation>停用的规则不会被评估；它已开出的工作保持打开</translation>
    </message>
    <message>
        <source>A&amp;ll rules</source>
        <translation>所有规则(&amp;L)</translation>
    </message>
    <message>
        <source>Every condition rule, not only the chosen asset&apos;s</source>
        <translation>所有条件规则，而不仅是所选资产的</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>型号 %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>资产 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Write one with New rule…: a limit held for some minutes, a rate of change, a service every so many runtime hours, or readings leaving the asset&apos;s own usual pattern. Each rule opens proactive work when it fires.</source>
        <translation>尚无状态规则，因此没有任何规则监视设备读数。请用“新建规则…”编写一条：持续若干分钟的限值、变化率、每隔若干运行小时的保养，或偏离该资产自身常规模式的读数。每条规则触发时都会创建预防性工作。</translation>
    </message>
    <message>
        <source>No condition rules yet, so nothing watches the equipment&apos;s readings. Planners write them here.</source>
        <translation>尚无状态规则，因此没有任何规则监视设备读数。规划员在此编写规则。</translation>
    </message>
    <message>
        <source>The rules watch no asset: no asset is of a rule&apos;s model or named by a rule.</source>
        <translation>规则未监视任何资产：没有资产属于规则的型号，也没有被规则点名。</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BillingExportDialog</name>
    <message>
        <source>Export billing</source>
        <translation>导出账单</translation>
    </message>
    <message>
        <source>Approved billable time and the parts used per customer and contract, with the contracts&apos; terms applied, written as billing_summary.csv, billing_lines.csv and billing.pdf. Days are in UTC.</source>
        <translation>按客户和合同汇总已批准的可计费工时和已用零件，并应用合同条款，写入 billing_summary.csv、billing_lines.csv 和 billing.pdf。日期按 UTC。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Folder for the billing files</source>
        <translation>账单文件的文件夹</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>期间的结束早于开始。</translation>
    </message>
    <message>
        <source>Choose the folder to write the files into.</source>
        <translation>请选择写入文件的文件夹。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Written into %1:
%2</source>
        <translation>已写入 %1：
%2</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>未写入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::BoardToolbar</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Show one day</source>
        <translation>显示一天</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>Show three days</source>
        <translation>显示三天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Show a week</source>
        <translation>显示一周</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 周</translation>
    </message>
    <message>
        <source>Show two weeks</source>
        <translation>显示两周</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Scroll to now (Ctrl+T)</source>
        <translation>滚动到当前时间（Ctrl+T）</translation>
    </message>
    <message>
        <source>Scroll the board to now</source>
        <translation>将看板滚动到当前时间</translation>
    </message>
    <message>
        <source>Day shown on the board</source>
        <translation>看板上显示的日期</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>标记缺勤</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence (Ctrl+Shift+A; Esc leaves)</source>
        <translation>沿技术员所在行拖动以记录缺勤（Ctrl+Shift+A；Esc 退出）</translation>
    </message>
    <message>
        <source>Drag along a technician&apos;s row to record an absence; Escape leaves the mode</source>
        <translation>沿技术员所在行拖动以记录缺勤；按 Esc 退出此模式</translation>
    </message>
    <message>
        <source>Snap</source>
        <extracomment>Drag granularity: dragged visits snap to this many minutes.</extracomment>
        <translation>对齐</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Snap step</source>
        <translation>对齐步长</translation>
    </message>
    <message>
        <source>Territory filter</source>
        <translation>区域筛选</translation>
    </message>
    <message>
        <source>Skill filter</source>
        <translation>技能筛选</translation>
    </message>
    <message>
        <source>Employment filter</source>
        <translation>雇佣类型筛选</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>任意技能</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>任意雇佣类型</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>正式员工</translation>
    </message>
    <message>
        <source>Part time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>承包商</translation>
    </message>
    <message>
        <source>Technician name…</source>
        <translation>技术员姓名…</translation>
    </message>
    <message>
        <source>Technician name filter</source>
        <translation>技术员姓名筛选</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Show cancelled appointments</source>
        <translation>显示已取消的预约</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CapacityPreviewPanel</name>
    <message>
        <source>As due (demand / available hours)</source>
        <translation>按到期日（需求 / 可用工时）</translation>
    </message>
    <message>
        <source>Levelled</source>
        <extracomment>Heading of the capacity table after moving preventive occurrences to flatten overloaded weeks.</extracomment>
        <translation>均衡后</translation>
    </message>
    <message>
        <source>Moves levelling makes</source>
        <translation>均衡调整的移动</translation>
    </message>
    <message>
        <source>&amp;Use the levelled days when generating</source>
        <translation>生成时使用均衡后的日期(&amp;U)</translation>
    </message>
    <message>
        <source>The load appears with the preview.</source>
        <translation>预览时将显示负荷。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>No preventive work falls within the horizon.</source>
        <translation>此时间范围内没有预防性工作。</translation>
    </message>
    <message>
        <source>No week is overloaded: the technicians able to do the work have the hours for it.</source>
        <translation>没有超负荷的周：能够完成这些工作的技术员有足够的工时。</translation>
    </message>
    <message numerus="yes">
        <source>%1 week(s) × territory overloaded as due; %2 after levelling with %n move(s).</source>
        <translation>
            <numerusform>按到期日有 %1 个周 × 区域超负荷；经 %n 次移动均衡后为 %2 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConditionRuleDialog</name>
    <message>
        <source>New condition rule</source>
        <translation>新建状态规则</translation>
    </message>
    <message>
        <source>next CR- number</source>
        <translation>下一个 CR- 编号</translation>
    </message>
    <message>
        <source>One asset</source>
        <translation>单个资产</translation>
    </message>
    <message>
        <source>Every asset of a model</source>
        <translation>某型号的所有资产</translation>
    </message>
    <message>
        <source>Threshold (beyond a limit for a while)</source>
        <translation>阈值（超出限值一段时间）</translation>
    </message>
    <message>
        <source>Rate of change</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>Usage interval</source>
        <translation>使用间隔</translation>
    </message>
    <message>
        <source>Anomaly against its usual band</source>
        <translation>相对常规区间的异常</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>skill codes separated by ;</source>
        <translation>以 ; 分隔的技能代码</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Watches:</source>
        <translation>监视范围(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Asset or model:</source>
        <translation>资产或型号(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>读数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation>比较(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>阈值(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Sustained for (min):</source>
        <translation>持续时间（分钟）(&amp;S)：</translation>
    </message>
    <message>
        <source>Rate &amp;per hour:</source>
        <translation>每小时变化率(&amp;P)：</translation>
    </message>
    <message>
        <source>Over (mi&amp;n):</source>
        <translation>时间窗口（分钟）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Usage interval:</source>
        <translation>使用间隔(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Band (standard deviations):</source>
        <translation>区间（标准差）(&amp;B)：</translation>
    </message>
    <message>
        <source>Baseline &amp;weeks:</source>
        <translation>基线周数(&amp;W)：</translation>
    </message>
    <message>
        <source>Work order &amp;task:</source>
        <translation>工单任务(&amp;T)：</translation>
    </message>
    <message>
        <source>Work order t&amp;ype:</source>
        <translation>工单类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>所需技能(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Duration (min):</source>
        <translation>时长（分钟）(&amp;D)：</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>Edit condition rule %1</source>
        <translation>编辑条件规则 %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConditionsPage</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>While connected, the console evaluates the condition rules this often and opens a proactive work order for each new breach. On a shared server one console evaluates at a time; the status bar says which.</source>
        <translation>连接期间，控制台按此频率评估状态规则，并为每次新的越限新建一个主动性工单。在共享服务器上，同一时间只有一个控制台进行评估；状态栏会显示是哪一个。</translation>
    </message>
    <message>
        <source>&amp;Evaluate condition rules every:</source>
        <translation>状态规则评估间隔(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConflictsPanel</name>
    <message numerus="yes">
        <source>%n conflict(s) in the horizon</source>
        <translation>
            <numerusform>此时间范围内有 %n 个冲突</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConnectionForm</name>
    <message>
        <source>SQLite file (one person, demo, laptop)</source>
        <translation>SQLite 文件（单人、演示、笔记本电脑）</translation>
    </message>
    <message>
        <source>PostgreSQL server (shared)</source>
        <translation>PostgreSQL 服务器（共享）</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>only for verify-ca / verify-full</source>
        <translation>仅用于 verify-ca / verify-full</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>SSL 模式(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>根证书(&amp;R)：</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite 数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>根证书</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>证书 (*.crt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>the SQLite file needs an absolute path</source>
        <translation>SQLite 文件需要绝对路径</translation>
    </message>
    <message>
        <source>enter the PostgreSQL server&apos;s host name</source>
        <translation>请输入 PostgreSQL 服务器的主机名</translation>
    </message>
    <message>
        <source>enter the database name</source>
        <translation>请输入数据库名称</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ConsumptionPanel</name>
    <message>
        <source>Counted from … to:</source>
        <translation>统计期间从 … 至：</translation>
    </message>
    <message>
        <source>Work orders:</source>
        <translation>工单：</translation>
    </message>
    <message>
        <source>Visits made:</source>
        <translation>已完成上门：</translation>
    </message>
    <message>
        <source>Hours worked:</source>
        <translation>工作时长：</translation>
    </message>
    <message>
        <source>This billing period:</source>
        <translation>本计费期间：</translation>
    </message>
    <message>
        <source>SLA compliance:</source>
        <translation>SLA 达成率：</translation>
    </message>
    <message>
        <source>Preventive visits:</source>
        <translation>预防性上门：</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>备件：</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1（%2 个未完成）</translation>
    </message>
    <message>
        <source>%1 h, of which %2 h billable</source>
        <translation>%1 小时，其中 %2 小时可计费</translation>
    </message>
    <message>
        <source>%1 h used of %2 h included (%3)</source>
        <translation>已使用 %1 小时，包含 %2 小时（%3）</translation>
    </message>
    <message>
        <source>%1 h (%2), no hours included</source>
        <translation>%1 小时（%2），不含包含工时</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 work orders met their SLA)</source>
        <translation>%1 %（%3 个工单中有 %2 个达到 SLA）</translation>
    </message>
    <message>
        <source>no work order due yet</source>
        <translation>尚无到期的工单</translation>
    </message>
    <message>
        <source>%1 done, %2 due, %3 missed</source>
        <translation>%1 次已完成，%2 次待完成，%3 次错过</translation>
    </message>
    <message>
        <source>included in the fee</source>
        <translation>包含在费用中</translation>
    </message>
    <message>
        <source>billed at cost</source>
        <translation>按成本计费</translation>
    </message>
    <message>
        <source>none used; %1</source>
        <translation>未使用；%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 used on %n line(s), %2 at cost; %3</source>
        <translation>
            <numerusform>在 %n 个明细行中使用了 %1，按成本计 %2；%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n line(s) of parts without a unit cost)</source>
        <translation>
            <numerusform>（%n 行备件没有单位成本）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContactsPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>职务(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. facilities manager, caretaker, accounts</source>
        <translation>例如设施经理、管理员、财务</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>电子邮件(&amp;M)：</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>保存联系人</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>尚不可用：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractTermsPanel</name>
    <message>
        <source>The site&apos;s territory</source>
        <translation>站点所在区域</translation>
    </message>
    <message>
        <source>Contract &amp;id:</source>
        <translation>合同 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. K-2027-014</source>
        <translation>例如 K-2027-014</translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation>客户 ID：</translation>
    </message>
    <message>
        <source>the customer&apos;s id</source>
        <translation>客户的 ID</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. Gold 24×7</source>
        <translation>例如 金牌 24×7</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name, phone, email or id</source>
        <translation>输入客户的名称、电话、电子邮件或 ID</translation>
    </message>
    <message>
        <source>Find c&amp;ustomer:</source>
        <translation>查找客户(&amp;U)：</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Co&amp;verage:</source>
        <translation>服务时段(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Op&amp;ens:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours start.</extracomment>
        <translation>开始营业(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Closes:</source>
        <extracomment>Business-hours coverage: the time of day the covered hours end.</extracomment>
        <translation>结束营业(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Holidays of:</source>
        <translation>节假日依据(&amp;H)：</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>Any priority (h):</source>
        <translation>任意优先级（小时）：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>%1 (h):</source>
        <translation>%1（小时）：</translation>
    </message>
    <message>
        <source>Respond within</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Resolve within</source>
        <translation>解决时限</translation>
    </message>
    <message>
        <source>Fi&amp;xed fee:</source>
        <translation>固定费用(&amp;X)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Fee &amp;period:</source>
        <translation>费用周期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Included hours per period:</source>
        <translation>每期包含工时(&amp;I)：</translation>
    </message>
    <message>
        <source>Hourly &amp;rate beyond them:</source>
        <translation>超出部分的小时费率(&amp;R)：</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>备件：</translation>
    </message>
    <message>
        <source>included in the fee (else billed)</source>
        <translation>包含在费用中（否则另行计费）</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>Covered &amp;sites (none ticked: every site of the customer)</source>
        <translation>覆盖的站点(&amp;S)（未勾选：客户的所有站点）</translation>
    </message>
    <message>
        <source>Covered &amp;assets</source>
        <translation>覆盖的资产(&amp;A)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ContractsView</name>
    <message>
        <source>&amp;Terms</source>
        <translation>条款(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Preventive plans</source>
        <translation>预防性计划(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;onsumption</source>
        <translation>用量(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save contract</source>
        <translation>保存合同(&amp;S)</translation>
    </message>
    <message>
        <source>Save the contract&apos;s terms (Ctrl+S)</source>
        <translation>保存合同条款（Ctrl+S）</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>续签(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Generate preventive work…</source>
        <translation>生成预防性工作(&amp;G)…</translation>
    </message>
    <message>
        <source>Preview the load and create the preventive work orders due within a horizon, for every contract</source>
        <translation>预览负荷，并为所有合同创建时间范围内到期的预防性工单</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>节假日(&amp;H)…</translation>
    </message>
    <message>
        <source>The territories&apos; holiday calendars, where SLA clocks stop and preventive visits move off</source>
        <translation>各区域的节假日日历：在这些日期 SLA 计时暂停，预防性上门会顺延</translation>
    </message>
    <message>
        <source>Search contract, name or customer</source>
        <translation>搜索合同、名称或客户</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>所有合同</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Ending within 60 days</source>
        <translation>60 天内到期</translation>
    </message>
    <message>
        <source>Ending within 90 days</source>
        <translation>90 天内到期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Any coverage</source>
        <translation>任意服务时段</translation>
    </message>
    <message>
        <source>&amp;New contract</source>
        <translation>新建合同(&amp;N)</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>&amp;Terms *</source>
        <translation>条款(&amp;T) *</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CoverageList</name>
    <message>
        <source>· under warranty until %1</source>
        <translation>· 保修期至 %1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::CustomersView</name>
    <message>
        <source>(no territory)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>Search name, phone, email or id</source>
        <translation>搜索名称、电话、电子邮件或 ID</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>Choose a customer, or make a new one.</source>
        <translation>请选择一个客户，或新建一个。</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>资产(&amp;A)</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>服务时段</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>合同(&amp;C)</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>打开时间</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>工单(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>ID(&amp;I)：</translation>
    </message>
    <message>
        <source>your systems&apos; id, e.g. c-1042</source>
        <translation>您系统中的 ID，例如 c-1042</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>Save customer</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>New work order for this customer…</source>
        <translation>为此客户新建工单…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Si&amp;te id:</source>
        <translation>站点 ID(&amp;T)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>地址(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>纬度(&amp;L)：</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>经度(&amp;O)：</translation>
    </message>
    <message>
        <source>Te&amp;rritory:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Click to place the site, drag the pin to move it; wheel or +/− to zoom</source>
        <translation>单击以放置站点，拖动图钉以移动；使用滚轮或 +/− 缩放</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <source>Save site</source>
        <translation>保存站点</translation>
    </message>
    <message>
        <source>Time zone proposed from %1, where the technicians work in %2; change it if the site keeps another clock.</source>
        <translation>时区根据 %1 推断，该处技术员在 %2 工作；如果站点使用其他时钟，请更改。</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Asset &amp;id:</source>
        <translation>资产 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>Se&amp;rial:</source>
        <translation>序列号(&amp;R)：</translation>
    </message>
    <message>
        <source>Installed &amp;on:</source>
        <translation>安装日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Warranty until:</source>
        <translation>保修截止(&amp;W)：</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>服务历史</translation>
    </message>
    <message>
        <source>New asset at the selected site</source>
        <translation>在所选站点新建资产</translation>
    </message>
    <message>
        <source>Save asset</source>
        <translation>保存资产</translation>
    </message>
    <message>
        <source>under warranty until %1</source>
        <translation>保修期至 %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>已于 %1 结束</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>24×7</source>
        <translation>24×7</translation>
    </message>
    <message>
        <source>&amp;Work orders (%1 open, %2 past)</source>
        <translation>工单(&amp;W)（%1 个未完成，%2 个历史）</translation>
    </message>
    <message>
        <source>C&amp;ontacts (%1)</source>
        <translation>联系人(&amp;O)（%1）</translation>
    </message>
    <message>
        <source>&amp;Sites (%1)</source>
        <translation>站点(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>&amp;Assets (%1)</source>
        <translation>资产(&amp;A)（%1）</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>尚不可用：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::DisplayPage</name>
    <message>
        <source>This computer&apos;s time zone (%1)</source>
        <translation>本计算机的时区（%1）</translation>
    </message>
    <message>
        <source>This computer&apos;s language (%1)</source>
        <translation>此计算机的语言 (%1)</translation>
    </message>
    <message>
        <source>The schedule board, its conflicts and the KPI periods show times in this zone. Each technician&apos;s shift is still shaded in the technician&apos;s own zone.</source>
        <translation>排程看板、其冲突和 KPI 期间均以此时区显示时间。每位技术员的班次仍按技术员自己的时区着色显示。</translation>
    </message>
    <message>
        <source>Show &amp;times in:</source>
        <translation>显示时间所用时区(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this computer knows; choose one from the list, e.g. America/Sao_Paulo.</source>
        <translation>“%1”不是本计算机已知的时区；请从列表中选择，例如 America/Sao_Paulo。</translation>
    </message>
    <message>
        <source>The console shows the new language at its next start.</source>
        <translation>控制台将在下次启动时显示新语言。</translation>
    </message>
    <message>
        <source>Each technician&apos;s own time zone</source>
        <translation>每位技术员自己的时区</translation>
    </message>
    <message>
        <source>With each technician&apos;s own time zone, every row of the board shows its technician&apos;s local time (08:00 in São Paulo and in Lisbon line up) and the KPI periods use this computer&apos;s zone.</source>
        <translation>选择每位技术员自己的时区时，调度板的每一行显示该技术员的当地时间（圣保罗和里斯本的 08:00 对齐），KPI 周期使用本机的时区。</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::FirstRunDialog</name>
    <message>
        <source>Welcome to FieldOps Console</source>
        <translation>欢迎使用 FieldOps Console</translation>
    </message>
    <message>
        <source>Which database should the console open? Your choice is remembered for the next start; File → Open another database… changes it.</source>
        <translation>控制台应打开哪个数据库？您的选择会在下次启动时记住；可通过“文件 → 打开其他数据库…”更改。</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <source>A made-up field-service operation in São Paulo to try everything out. It is created the first time, which takes a moment.</source>
        <translation>一个位于圣保罗的虚构现场服务业务，可用于试用所有功能。首次使用时会创建，需要片刻时间。</translation>
    </message>
    <message>
        <source>Connect to a &amp;server…</source>
        <translation>连接到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>A PostgreSQL server your team shares. Pick a recent connection below or enter a new one.</source>
        <translation>团队共享的 PostgreSQL 服务器。请在下方选择最近的连接，或输入新的连接。</translation>
    </message>
    <message>
        <source>&amp;Recent connections:</source>
        <translation>最近的连接(&amp;R)：</translation>
    </message>
    <message>
        <source>Create a new database &amp;file…</source>
        <translation>新建数据库文件(&amp;F)…</translation>
    </message>
    <message>
        <source>An empty SQLite file of your own, for one person working alone. Choosing an existing FieldOps file opens it as it is.</source>
        <translation>您自己的空 SQLite 文件，适用于单人独立工作。选择已有的 FieldOps 文件会按原样打开。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>新建数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::GeneratePmDialog</name>
    <message>
        <source>Generate preventive work</source>
        <translation>生成预防性工作</translation>
    </message>
    <message>
        <source>&amp;Horizon:</source>
        <translation>时间范围(&amp;H)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Preview shows what generating would create, before anything is written.</source>
        <translation>预览会在写入任何内容之前，显示生成操作将创建的内容。</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>New work orders</source>
        <translation>新工单</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>产能(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message numerus="yes">
        <source>Generating would create %n work order(s) (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.</source>
        <translation>
            <numerusform>生成操作将创建 %n 个工单（%1 小时的工作）并跳过 %2 次执行。尚未写入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n preventive work order(s); they wait in the unassigned queue.</source>
        <translation>
            <numerusform>已创建 %n 个预防性工单；它们在未分配队列中等待。</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::HolidayCalendarDialog</name>
    <message>
        <source>Holiday calendars</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>区域(&amp;T)：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>e.g. Tiradentes</source>
        <translation>例如 Tiradentes</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>A CSV file with a day column (YYYY-MM-DD) and optionally name and territory_id</source>
        <translation>包含 day 列（YYYY-MM-DD）以及可选的 name 和 territory_id 列的 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Save calendar</source>
        <translation>保存日历(&amp;S)</translation>
    </message>
    <message>
        <source>%1 is already a holiday.</source>
        <translation>%1 已是节假日。</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>导入节假日</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiBreakdownView</name>
    <message>
        <source>Show all bars</source>
        <translation>显示所有条形</translation>
    </message>
    <message>
        <source>Off: the chart shows the top and the bottom of the ranking that fit. On: every bar, in a chart that scrolls.</source>
        <translation>关闭：图表显示排名中能容纳的前几名和后几名。开启：显示所有条形，图表可滚动。</translation>
    </message>
    <message>
        <source>Bars ranked by the KPI the table is sorted by, highest first, ties by name. When not all fit, the chart shows the top and the bottom of the ranking; &quot;Show all bars&quot; shows everyone in a chart that scrolls. The table lists them all.</source>
        <translation>条形按表格排序所依据的 KPI 排名，从高到低，相同时按名称排序。无法全部显示时，图表显示排名的前几名和后几名；“显示所有条形”会在可滚动的图表中显示所有人。表格列出全部条目。</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>细分维度</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source> (%)</source>
        <translation> (%)</translation>
    </message>
    <message>
        <source>Top %1 and bottom %2 of %3</source>
        <translation>%3 中的前 %1 名和后 %2 名</translation>
    </message>
    <message>
        <source>Ranked by %1,</source>
        <translation>按 %1 排名，</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>按 %1</translation>
    </message>
    <message>
        <source>highest first</source>
        <translation>从高到低</translation>
    </message>
    <message>
        <source> · %1 without a value</source>
        <translation> · %1 个无数值</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiCard</name>
    <message>
        <source>Change against the previous period of the same length</source>
        <translation>与上一个同等长度期间相比的变化</translation>
    </message>
    <message>
        <source>comparing with the previous period…</source>
        <translation>正在与上一期间比较…</translation>
    </message>
    <message>
        <source>no previous data</source>
        <translation>无上期数据</translation>
    </message>
    <message>
        <source>%1 vs previous</source>
        <translation>较上期 %1</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Target %1 · %2</source>
        <translation>目标 %1 · %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiDashboard</name>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>导出为 PDF…</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>将表格导出为 CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the database again (filter changes reuse the last read for a minute)</source>
        <translation>重新读取数据库（一分钟内更改筛选条件会复用上次读取的数据）</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>目标…</translation>
    </message>
    <message>
        <source>Set the KPI targets the cards and the trend compare with</source>
        <translation>设置卡片和趋势图所对比的 KPI 目标</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 – %2 · compared with %3 – %4 · %5 ms</source>
        <translation>%1 – %2 · 对比 %3 – %4 · %5 毫秒</translation>
    </message>
    <message>
        <source> · reading the previous period…</source>
        <translation> · 正在读取上一期间…</translation>
    </message>
    <message>
        <source>KPIs could not be loaded: %1</source>
        <translation>无法加载 KPI：%1</translation>
    </message>
    <message>
        <source>could not write the image %1</source>
        <translation>无法写入图像 %1</translation>
    </message>
    <message>
        <source>FieldOps KPIs</source>
        <translation>FieldOps KPI</translation>
    </message>
    <message>
        <source>could not write the PDF %1</source>
        <translation>无法写入 PDF %1</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Proactive</source>
        <translation>主动性</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiDrillDown</name>
    <message>
        <source>Export visits as CSV…</source>
        <translation>将上门导出为 CSV…</translation>
    </message>
    <message>
        <source>Export ratings as CSV…</source>
        <translation>将评分导出为 CSV…</translation>
    </message>
    <message>
        <source>Visits and ratings of %1</source>
        <translation>%1 的上门与评分</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>Loading visits…</source>
        <translation>正在加载上门…</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次上门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n 条评分</numerusform>
        </translation>
    </message>
    <message>
        <source>Visits could not be loaded: %1</source>
        <translation>无法加载上门：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiFilterBar</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>所有技术员</translation>
    </message>
    <message>
        <source>All employment types</source>
        <translation>所有雇佣类型</translation>
    </message>
    <message>
        <source>All work-order types</source>
        <translation>所有工单类型</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Trend buckets</source>
        <translation>趋势分组</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiProactivePanel</name>
    <message>
        <source>Proactive share of work:</source>
        <translation>主动性工作占比：</translation>
    </message>
    <message>
        <source>Failures prevented:</source>
        <translation>已避免的故障：</translation>
    </message>
    <message>
        <source>With a proactive visit in the 30 days before:</source>
        <translation>此前 30 天内有主动性上门：</translation>
    </message>
    <message>
        <source>Without one:</source>
        <translation>无主动性上门：</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n work order(s) created in the period</source>
        <translation>
            <numerusform>本期间新建的 %n 个工单中的 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrective work order(s)</source>
        <translation>
            <numerusform>%n 个纠正性工单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asset-days · %2 per asset and 30 days</source>
        <translation>%1 个资产日 · 每个资产每 30 天 %2</translation>
    </message>
    <message>
        <source>Proactive work orders are those a condition rule opened. Failures prevented: the corrective work orders the assets covered by a recent proactive visit would have had at the rate of the uncovered ones, less those they had (watched assets only). The filters above choose the work orders counted (a work order belongs to the technician of its visit); coverage and asset-days stay every watched asset&apos;s.</source>
        <translation>主动工单是条件规则开出的工单。避免的故障：近期有主动上门覆盖的资产按未覆盖资产的比率本应出现的纠正性工单数，减去它们实际出现的数量（仅限受监视的资产）。上方的筛选条件选择计入的工单（工单归属于其上门的技术人员）；覆盖范围和资产天数仍按所有受监视资产计算。</translation>
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
        <translation>评分</translation>
    </message>
    <message>
        <source>Distribution of scores</source>
        <translation>分数分布</translation>
    </message>
    <message>
        <source>Technicians by rating</source>
        <translation>按评分排列的技术员</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>最新备注</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>%1★ %2 (%3, %4): %5</source>
        <translation>%1★ %2（%3，%4）：%5</translation>
    </message>
    <message>
        <source>No comments in this period</source>
        <translation>本期没有备注</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiTargetEditor</name>
    <message>
        <source>KPI targets</source>
        <translation>KPI 目标</translation>
    </message>
    <message>
        <source>Every territory</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>Amber band down to</source>
        <translation>黄色区间下限</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Amber band up to</source>
        <translation>黄色区间上限</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Set by %1 on %2</source>
        <translation>由 %1 于 %2 设置</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>No target yet</source>
        <translation>尚无目标</translation>
    </message>
    <message>
        <source>Saved: %1 %2</source>
        <translation>已保存：%1 %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::KpiTrendChart</name>
    <message>
        <source>previous period</source>
        <translation>上一期间</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Trend of</source>
        <translation>趋势：</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan</source>
        <translation>滚轮：缩放 · 拖动：平移</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MapView</name>
    <message>
        <source>Map of technicians and jobs</source>
        <translation>技术员与工作地图</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>expected %n minute(s) late for the next visit</source>
        <translation>
            <numerusform>下一次上门预计迟到 %n 分钟</numerusform>
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
        <translation>未分配：拖到技术员上即可分配</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s): click to zoom in</source>
        <translation>
            <numerusform>%n 项工作：单击放大</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::MessageTechniciansDialog</name>
    <message>
        <source>Message technicians</source>
        <translation>给技术员发消息</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>Type to find a technician</source>
        <translation>输入以查找技术员</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>消息(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <extracomment>The button that sends the message to the technicians&apos; phones.</extracomment>
        <translation>发送(&amp;S)</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::OptimizePanel</name>
    <message>
        <source>&amp;Solve</source>
        <translation>求解(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Still unplaced</source>
        <translation>仍未安排</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Plan the day&apos;s unassigned work orders around the visits already booked.</source>
        <translation>围绕已排定的上门规划当天未分配的工单。</translation>
    </message>
    <message>
        <source>Stop the search; nothing is proposed.</source>
        <translation>停止搜索；不提出任何方案。</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Book every proposed visit as one step; Undo takes them all back.</source>
        <translation>一步排定所有建议的上门；撤销会将它们全部撤回。</translation>
    </message>
    <message>
        <source>Drop the proposal; nothing is booked.</source>
        <translation>放弃方案；不排定任何内容。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Choose the day and Solve: the unassigned work orders are fitted around the visits already booked.</source>
        <translation>选择日期并单击“求解”：未分配的工单将围绕已排定的上门进行安排。</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>Nothing to book: no unassigned work order fits this day.</source>
        <translation>没有可排定的内容：没有未分配的工单适合这一天。</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) proposed. Accept books them as one step; Discard drops them.</source>
        <translation>
            <numerusform>建议 %n 次上门。“接受”会一步排定它们；“放弃”会丢弃它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&amp;Solve again</source>
        <translation>重新求解(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Move booked visits</source>
        <translation>移动已预约的上门(&amp;M)</translation>
    </message>
    <message>
        <source>Re-plan the whole day: visits already booked that are neither locked nor started may move to another time or technician. Off: they stay where they are.</source>
        <translation>重新规划整天：已预约且未锁定、未开始的上门可以改到其他时间或技术员。不勾选：保持不变。</translation>
    </message>
    <message numerus="yes">
        <source>%n new visit(s) and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.</source>
        <translation>
            <numerusform>%n 个新上门，移动 %1 个已预约上门。接受将一次写入；放弃则丢弃。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PartsView</name>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>所有位置</translation>
    </message>
    <message>
        <source>&amp;Below reorder point only</source>
        <translation>仅显示低于再订货点(&amp;B)</translation>
    </message>
    <message>
        <source>The reorder list: what is available (on hand less reserved) is below the reorder point</source>
        <translation>再订货清单：可用数量（现有减去预留）低于再订货点</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>调拨(&amp;T)…</translation>
    </message>
    <message>
        <source>Move stock between warehouses and vans</source>
        <translation>在仓库和车辆之间调拨库存</translation>
    </message>
    <message>
        <source>Stock rows: %1</source>
        <translation>库存行：%1</translation>
    </message>
    <message>
        <source>Stock rows: %1 of %2</source>
        <translation>库存行：%1 / %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::PlanEditor</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>重复规则</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Plan &amp;id:</source>
        <translation>计划 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. PM-HVAC-Q</source>
        <translation>例如 PM-HVAC-Q</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. Quarterly filter change</source>
        <translation>例如 季度滤网更换</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>资产(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Visit length (min):</source>
        <translation>上门时长（分钟）(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Recurrence:</source>
        <translation>重复规则(&amp;R)：</translation>
    </message>
    <message>
        <source>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</source>
        <translation>every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri</translation>
    </message>
    <message>
        <source>Every N &amp;days (no recurrence):</source>
        <translation>每 N 天(&amp;D)（无重复规则）：</translation>
    </message>
    <message>
        <source>&amp;First occurrence:</source>
        <translation>首次执行(&amp;F)：</translation>
    </message>
    <message>
        <source>Only in &amp;months:</source>
        <translation>仅限月份(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. 4;5;6 (empty: all year)</source>
        <translation>例如 4;5;6（留空：全年）</translation>
    </message>
    <message>
        <source>Preferred &amp;start:</source>
        <translation>首选开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Lead time (days):</source>
        <translation>提前期（天）(&amp;L)：</translation>
    </message>
    <message>
        <source>Missed visit:</source>
        <translation>错过的上门：</translation>
    </message>
    <message>
        <source>shifts the following ones</source>
        <translation>顺延后续上门</translation>
    </message>
    <message>
        <source>Required s&amp;kills</source>
        <translation>所需技能(&amp;K)</translation>
    </message>
    <message>
        <source>Next occurrences</source>
        <translation>后续执行</translation>
    </message>
    <message>
        <source>New &amp;plan</source>
        <translation>新建计划(&amp;P)</translation>
    </message>
    <message>
        <source>Save p&amp;lan</source>
        <translation>保存计划(&amp;L)</translation>
    </message>
    <message>
        <source>(no asset)</source>
        <translation>（无资产）</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>made up for %1</source>
        <translation>为 %1 补做</translation>
    </message>
    <message>
        <source>No occurrence before the contract ends.</source>
        <translation>合同结束前没有执行。</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RenewContractDialog</name>
    <message>
        <source>Renew contract %1</source>
        <translation>续签合同 %1</translation>
    </message>
    <message numerus="yes">
        <source>The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan(s), moved to the new dates. It is one step on the undo stack.</source>
        <translation>
            <numerusform>续签会保留 %1 的条款、服务时段以及覆盖的站点和资产，并复制其 %n 个预防性计划，移至新的日期。此操作在撤销栈中为一步。</numerusform>
        </translation>
    </message>
    <message>
        <source>New contract &amp;id:</source>
        <translation>新合同 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>续签(&amp;R)</translation>
    </message>
    <message>
        <source>The new contract needs an id of 1 to 64 characters without spaces.</source>
        <translation>新合同需要 1 到 64 个字符且不含空格的 ID。</translation>
    </message>
    <message>
        <source>The renewal cannot end before it starts.</source>
        <translation>续签合同不能在开始之前结束。</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RepairDialog</name>
    <message>
        <source>Repair options</source>
        <translation>修复方案</translation>
    </message>
    <message>
        <source>Option</source>
        <extracomment>Column headings of the repair options: the cost in minutes, visits moved, visits sent to the queue, added travel, minutes past the SLA.</extracomment>
        <translation>方案</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>To queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <source>Added travel</source>
        <translation>增加行程</translation>
    </message>
    <message>
        <source>Past SLA</source>
        <translation>超出 SLA</translation>
    </message>
    <message>
        <source>&amp;Apply option</source>
        <translation>应用方案(&amp;A)</translation>
    </message>
    <message>
        <source>Nothing is displaced: the day absorbs the change as it is.</source>
        <translation>没有需要移动的：当天可以原样吸收这一变化。</translation>
    </message>
    <message>
        <source>Displaced: %1.</source>
        <translation>被挤出：%1。</translation>
    </message>
    <message>
        <source>Left in place (locked or under way): %1.</source>
        <translation>保留原位（已锁定或进行中）：%1。</translation>
    </message>
    <message>
        <source>Cheapest first; the cost is in minutes.</source>
        <translation>代价最低者在前；代价以分钟计。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>Minutes of driving an option of a repair adds.</extracomment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::RoutingPage</name>
    <message>
        <source>Empty: straight-line travel times</source>
        <translation>留空：直线行程时间</translation>
    </message>
    <message>
        <source>The base address of an OSRM routing service, e.g. http://127.0.0.1:5000</source>
        <translation>OSRM 路线服务的基础地址，例如 http://127.0.0.1:5000</translation>
    </message>
    <message>
        <source>&amp;Routing service URL:</source>
        <translation>路线服务 URL(&amp;R)：</translation>
    </message>
    <message>
        <source>Suggestions and Optimize ask this OSRM service for road travel times between sites (one table request for many places). When it does not answer within 3 s or answers an error, they use straight-line travel times, say why, and leave the service alone for a minute. Without a service, they and the day&apos;s repairs scale straight-line times by how slowly technicians really drove in each territory (fieldops-cli travel-speeds), never below them. The Conflicts view always uses straight-line times.</source>
        <translation>“建议”和“优化”向此 OSRM 服务询问现场之间的道路行驶时间（对多个地点只发一次 table 请求）。若 3 秒内无应答或返回错误，则改用直线行驶时间、说明原因，并在一分钟内不再使用该服务。没有服务时，它们及当天的修复会按技术人员在各区域的实际行车快慢（fieldops-cli travel-speeds）缩放直线时间，且从不低于直线时间。“冲突”视图始终使用直线时间。</translation>
    </message>
    <message>
        <source>Reading the recorded drives…</source>
        <translation>正在读取行车记录…</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>行程段</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Travel speeds learned from the drives of %1 to %2 (a factor needs %3 legs):</source>
        <translation>从 %1 至 %2 的行车中学到的行驶速度（一个系数需要 %3 段行程）：</translation>
    </message>
    <message>
        <source>The learned travel speeds could not be read: %1</source>
        <translation>无法读取学到的行驶速度：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::ScheduleBoard</name>
    <message>
        <source>Schedule board</source>
        <translation>排程看板</translation>
    </message>
    <message>
        <source>Mark absent: drag along a technician&apos;s row over the time they are away; Esc leaves the mode.</source>
        <translation>标记缺勤：沿技术员所在行拖过其不在的时间；按 Esc 退出此模式。</translation>
    </message>
    <message>
        <source>Open work order</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>Open on map</source>
        <translation>在地图上打开</translation>
    </message>
    <message>
        <source>Edit work order…</source>
        <translation>编辑工单…</translation>
    </message>
    <message>
        <source>Cancel work order…</source>
        <translation>取消工单…</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <source>Swap the two visits</source>
        <translation>交换这两次上门</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>Lock</source>
        <extracomment>Lock the visit in place: it keeps its technician and time when plans are optimized.</extracomment>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
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
        <translation>状态：%1 · 优先级 %2</translation>
    </message>
    <message>
        <source> · locked</source>
        <translation> · 已锁定</translation>
    </message>
    <message>
        <source>SLA due %1</source>
        <translation>SLA 截止 %1</translation>
    </message>
    <message numerus="yes">
        <source>Travel before: %n min</source>
        <translation>
            <numerusform>之前路程：%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the visit&apos;s outcome…</source>
        <translation>更正拜访结果…</translation>
    </message>
    <message>
        <source>Record the visit&apos;s outcome…</source>
        <translation>记录拜访结果…</translation>
    </message>
    <message>
        <source>Each technician&apos;s local time</source>
        <translation>每位技术员的当地时间</translation>
    </message>
    <message>
        <source>Each row is placed by its technician&apos;s own wall clock: 08:00 in São Paulo and 08:00 in Lisbon share a column. The hours above are local hours; what is saved is the exact instant in the technician&apos;s zone.</source>
        <translation>每一行按其技术员自己的时钟排列：圣保罗的 08:00 与里斯本的 08:00 位于同一列。上方的小时是当地时间；保存的是技术员时区中的确切时刻。</translation>
    </message>
    <message>
        <source>Times in %1 (Tools → Settings… → Display)</source>
        <translation>时间采用 %1（工具 → 设置… → 显示）</translation>
    </message>
    <message>
        <source>Visit runs long…</source>
        <translation>访问超时…</translation>
    </message>
    <message>
        <source>Technician off sick from now…</source>
        <translation>技术员从现在起病假…</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>%1 的车上缺少 %2</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SchedulePage</name>
    <message>
        <source>Read only: your role can view the schedule but not change it.</source>
        <translation>只读：您的角色可以查看排程，但不能修改。</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>正在加载排程…</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::SuggestionPanel</name>
    <message>
        <source>&amp;Book</source>
        <extracomment>Verb: book (schedule) the chosen technician and time for the work order.</extracomment>
        <translation>排定(&amp;B)</translation>
    </message>
    <message>
        <source>Book the chosen slot (Enter). Undo takes it back.</source>
        <translation>排定所选时段（Enter）。撤销可将其撤回。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the suggestions (Esc).</source>
        <translation>关闭建议（Esc）。</translation>
    </message>
    <message>
        <source>Select a work order in the queue or on the board, then choose Suggest technician (Ctrl+G).</source>
        <translation>请在队列或看板上选择一个工单，然后选择“推荐技术员”（Ctrl+G）。</translation>
    </message>
    <message>
        <source>No feasible slot: %1</source>
        <translation>没有可行的时段：%1</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechnicianForm</name>
    <message>
        <source>Like T-042; cannot be changed later</source>
        <translation>如 T-042；之后无法更改</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Employment:</source>
        <translation>雇佣类型(&amp;E)：</translation>
    </message>
    <message>
        <source>S&amp;kills:</source>
        <translation>技能(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>区域(&amp;T)：</translation>
    </message>
    <message>
        <source>Latitude, like -23.55</source>
        <translation>纬度，如 -23.55</translation>
    </message>
    <message>
        <source>Longitude, like -46.63</source>
        <translation>经度，如 -46.63</translation>
    </message>
    <message>
        <source>&amp;Home base:</source>
        <translation>出发基地(&amp;H)：</translation>
    </message>
    <message>
        <source>Where the technician starts and ends the day</source>
        <translation>技术员每天出发和收工的地点</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>班次(&amp;S)：</translation>
    </message>
    <message>
        <source>Working &amp;days:</source>
        <translation>工作日(&amp;D)：</translation>
    </message>
    <message>
        <source>Empty when not known</source>
        <translation>未知时留空</translation>
    </message>
    <message>
        <source>Hourly &amp;cost:</source>
        <translation>小时成本(&amp;C)：</translation>
    </message>
    <message>
        <source>Active: gets new work</source>
        <translation>启用：接收新工作</translation>
    </message>
    <message>
        <source>(no territory)</source>
        <translation>（无区域）</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TechniciansView</name>
    <message>
        <source>Filter by name or id</source>
        <translation>按姓名或 ID 筛选</translation>
    </message>
    <message>
        <source>All territories</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>Any employment</source>
        <translation>任意雇佣类型</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>启用和停用</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>仅启用</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>仅停用</translation>
    </message>
    <message>
        <source>&amp;New technician</source>
        <translation>新建技术员(&amp;N)</translation>
    </message>
    <message>
        <source>Choose a technician in the list, or add a new one.</source>
        <translation>请在列表中选择一位技术员，或添加新技术员。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Add absence…</source>
        <translation>添加缺勤(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>New technician</source>
        <translation>新建技术员</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <source>Keeps the technician and their history; the board gives them no new work</source>
        <translation>保留技术员及其历史记录；看板不再为其分配新工作</translation>
    </message>
    <message>
        <source>The board may give them work again</source>
        <translation>看板可以再次为其分配工作</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TileSourcePage</name>
    <message>
        <source>Map tiles</source>
        <translation>地图瓦片</translation>
    </message>
    <message>
        <source>&amp;Online tile server</source>
        <translation>在线瓦片服务器(&amp;O)</translation>
    </message>
    <message>
        <source>Offline &amp;MBTiles file</source>
        <translation>离线 MBTiles 文件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;No tiles (plain grid with latitude and longitude lines)</source>
        <translation>无瓦片(&amp;N)（带经纬线的普通网格）</translation>
    </message>
    <message>
        <source>An address with {z}, {x} and {y} where the zoom, column and row go</source>
        <translation>包含 {z}、{x} 和 {y} 的地址，分别代表缩放级别、列和行</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Use the standard OpenStreetMap tile server</source>
        <translation>使用标准 OpenStreetMap 瓦片服务器</translation>
    </message>
    <message>
        <source>The source&apos;s default (for OpenStreetMap: © OpenStreetMap contributors)</source>
        <translation>数据源的默认值（OpenStreetMap 为：© OpenStreetMap 贡献者）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>URL template:</source>
        <translation>URL 模板：</translation>
    </message>
    <message>
        <source>Attribution:</source>
        <translation>署名：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Tile cache</source>
        <translation>瓦片缓存</translation>
    </message>
    <message>
        <source>&amp;Clear cache</source>
        <translation>清除缓存(&amp;C)</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>The URL template is empty: enter a tile server address or choose another source.</source>
        <translation>URL 模板为空：请输入瓦片服务器地址或选择其他来源。</translation>
    </message>
    <message>
        <source>The URL template has no %1: it needs {z}, {x} and {y} where the tile&apos;s zoom, column and row go.</source>
        <translation>URL 模板中没有 %1：需要用 {z}、{x} 和 {y} 表示瓦片的缩放级别、列和行。</translation>
    </message>
    <message>
        <source>The URL template is not an http:// or https:// address: %1</source>
        <translation>URL 模板不是 http:// 或 https:// 地址：%1</translation>
    </message>
    <message>
        <source>No MBTiles file chosen: pick one with Browse… or choose another source.</source>
        <translation>未选择 MBTiles 文件：请通过“浏览…”选择，或选择其他来源。</translation>
    </message>
    <message>
        <source>The MBTiles file cannot be used: %1</source>
        <translation>无法使用该 MBTiles 文件：%1</translation>
    </message>
    <message>
        <source>Choose an MBTiles file</source>
        <translation>选择 MBTiles 文件</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>MBTiles 文件 (*.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The tile cache is cleared.</source>
        <translation>瓦片缓存已清除。</translation>
    </message>
    <message>
        <source>Some cached tiles could not be deleted from %1.</source>
        <translation>无法从 %1 删除部分缓存的瓦片。</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeEntryCorrectionDialog</name>
    <message>
        <source>Correct time entry %1</source>
        <translation>更正工时记录 %1</translation>
    </message>
    <message>
        <source>%1 on work order %2: %3, %4 to %5</source>
        <translation>%1，工单 %2：%3，%4 至 %5</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Billable to the customer</source>
        <translation>向客户计费(&amp;B)</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>做了什么</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>备注(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TimeReviewView</name>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>所有技术员</translation>
    </message>
    <message>
        <source>Tec&amp;hnician:</source>
        <translation>技术员(&amp;H)：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Approve the selected pending entries as entered (Ctrl+Enter)</source>
        <translation>按原样批准所选的待审核记录（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>Correct the selected entry&apos;s times, billable flag or comment</source>
        <translation>更正所选记录的时间、计费标记或备注</translation>
    </message>
    <message>
        <source>E&amp;xport billing…</source>
        <translation>导出账单(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the billing of a period as CSV and PDF</source>
        <translation>将某一期间的账单写成 CSV 和 PDF</translation>
    </message>
    <message>
        <source>Approve selected entries</source>
        <translation>批准所选记录</translation>
    </message>
    <message>
        <source>Entries shown: %1 · hours: %2 · billable hours: %3 · flagged: %4</source>
        <translation>显示记录：%1 · 小时：%2 · 可计费小时：%3 · 已标记：%4</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::TransferDialog</name>
    <message>
        <source>Transfer stock</source>
        <translation>调拨库存</translation>
    </message>
    <message>
        <source>Choose a part</source>
        <translation>选择零件</translation>
    </message>
    <message>
        <source>Choose a warehouse or van</source>
        <translation>选择仓库或车辆</translation>
    </message>
    <message>
        <source>How many, e.g. 2</source>
        <translation>数量，例如 2</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>零件(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UnassignedQueueView</name>
    <message>
        <source>3 Normal</source>
        <translation>3 普通</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Waiting for a technician: %1</source>
        <translation>等待技术员：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <source>Territories of %1</source>
        <translation>%1 的区域</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Territories:</source>
        <translation>区域(&amp;T)：</translation>
    </message>
    <message>
        <source>Nothing checked: every territory. Territories limit what a dispatcher may schedule.</source>
        <translation>未勾选：所有区域。区域用于限定调度员可以排程的范围。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::UsersView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Territories…</source>
        <translation>区域(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Add a login in a FieldOps role</source>
        <translation>在 FieldOps 角色中添加登录</translation>
    </message>
    <message>
        <source>Move the selected login to another role</source>
        <translation>将所选登录移至其他角色</translation>
    </message>
    <message>
        <source>Limit the selected login to territories (none: all)</source>
        <translation>将所选登录限定于某些区域（不选：全部）</translation>
    </message>
    <message>
        <source>Let the selected login log in, or not</source>
        <translation>允许或禁止所选登录登录</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::VisitOutcomeDialog</name>
    <message>
        <source>Correct the outcome of visit %1</source>
        <translation>更正拜访 %1 的结果</translation>
    </message>
    <message>
        <source>Record the outcome of visit %1</source>
        <translation>记录拜访 %1 的结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 at %4, booked %5 – %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3 在 %4，预约 %5 – %6</translation>
    </message>
    <message>
        <source>&amp;Arrived:</source>
        <translation>到达(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Work ended:</source>
        <translation>工作结束(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Left at</source>
        <translation>离开于(&amp;L)</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>离开：</translation>
    </message>
    <message>
        <source>&amp;Resolved: the job is done</source>
        <translation>已解决(&amp;R)：工作已完成</translation>
    </message>
    <message>
        <source>&amp;Not resolved</source>
        <translation>未解决(&amp;N)</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <extracomment>The reason list&apos;s first entry when the visit did not fix the job and no reason is chosen yet.</extracomment>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>What was done, what remains for a return visit</source>
        <translation>做了什么，回访还剩什么</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Name of the customer&apos;s person who signed</source>
        <translation>签字的客户人员姓名</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>签字人(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>例如 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the return visit must bring: they are listed on its work order and reserved in the technician&apos;s van or a warehouse that has them</source>
        <translation>回访必须携带的零件：列在其工单上，并在技术员货车或有货的仓库中预留</translation>
    </message>
    <message>
        <source>&amp;Parts needed:</source>
        <translation>所需零件(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderFilterBar</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Words to find in the work order id, summary, customer, site or technician</source>
        <translation>要在工单 ID、摘要、客户、站点或技术员中查找的字词</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Active (not done)</source>
        <translation>进行中（未完成）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>所有优先级</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>%1 work orders</source>
        <translation>%1 个工单</translation>
    </message>
    <message>
        <source>%1 of %2 work orders</source>
        <translation>%2 个工单中的 %1 个</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderForm</name>
    <message>
        <source>Name, phone, email or id</source>
        <translation>名称、电话、电子邮件或 ID</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>资产(&amp;A)：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>What the customer reported, in a few words</source>
        <translation>简要说明客户报告的问题</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>摘要(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Required s&amp;kills:</source>
        <translation>所需技能(&amp;K)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Estimated d&amp;uration:</source>
        <translation>预计时长(&amp;U)：</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>仅在</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;window:</source>
        <translation>客户时间窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>From the contract</source>
        <translation>来自合同</translation>
    </message>
    <message>
        <source>SLA &amp;due:</source>
        <translation>SLA 截止(&amp;D)：</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2 (%3, opened %4)</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2（%3，打开于 %4）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly reported already&lt;/b&gt; — open work on this site:&lt;br&gt;%1</source>
        <translation>&lt;b&gt;可能已报告过&lt;/b&gt; — 此站点上未完成的工作：&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>(choose the customer first)</source>
        <translation>（请先选择客户）</translation>
    </message>
    <message>
        <source>(choose a site)</source>
        <translation>（请选择站点）</translation>
    </message>
    <message>
        <source>(no particular asset)</source>
        <translation>（无特定资产）</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1：维修可能属于保修索赔</translation>
    </message>
    <message>
        <source>Typed over; the contract says: %1</source>
        <translation>已手动覆盖；合同规定为：%1</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>在 %1 之前响应</translation>
    </message>
    <message>
        <source>e.g. 2 × FLT-100, BELT-3</source>
        <translation>例如 2 × FLT-100, BELT-3</translation>
    </message>
    <message>
        <source>The parts the technician must bring: the board and the suggestions compare them with the technicians&apos; vans.</source>
        <translation>技术员必须携带的零件：排班板和建议会将其与技术员的车辆库存比较。</translation>
    </message>
    <message>
        <source>Parts &amp;needed:</source>
        <translation>所需零件(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderInspector</name>
    <message>
        <source>no SLA</source>
        <translation>无 SLA</translation>
    </message>
    <message>
        <source> (breached %1 h %2 min ago)</source>
        <translation> (已超期 %1 小时 %2 分钟)</translation>
    </message>
    <message>
        <source> (in %1 h %2 min)</source>
        <translation> (还剩 %1 小时 %2 分钟)</translation>
    </message>
    <message>
        <source>Select a work order in the table, the queue or the alerts to see its details.</source>
        <translation>在表格、队列或告警中选择一个工单以查看其详细信息。</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>资产：</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>技能：</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>The customer&apos;s time window for the visit (when the technician may come), not a window on screen.</extracomment>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <source>Respond by:</source>
        <translation>响应截止：</translation>
    </message>
    <message>
        <source>SLA due:</source>
        <translation>SLA 截止：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Technician</source>
        <extracomment>Columns of the visits list: when the technician arrived and left, and how the visit ended.</extracomment>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1（序列号 %2）</translation>
    </message>
    <message>
        <source>warranty until %1</source>
        <translation>保修期至 %1</translation>
    </message>
    <message>
        <source>%1: a repair may be a warranty claim</source>
        <translation>%1：维修可能属于保修索赔</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Work order and its visits</source>
        <translation>工单及其上门</translation>
    </message>
    <message>
        <source>Work order only</source>
        <translation>仅工单</translation>
    </message>
    <message>
        <source>Visit %1 · %2 · %3</source>
        <translation>上门 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>签字人 %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time booked&lt;/b&gt; %1, billable %2</source>
        <translation>&lt;b&gt;已记工时&lt;/b&gt; %1，可计费 %2</translation>
    </message>
    <message>
        <source> (%1 not reviewed yet)</source>
        <translation>（%1 尚未审核）</translation>
    </message>
    <message>
        <source>%1 × %2 (%3) from %4 on visit %5</source>
        <translation>%1 × %2（%3），来自 %4，拜访 %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parts used&lt;/b&gt;</source>
        <translation>&lt;b&gt;已用零件&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rating&lt;/b&gt; %1 of 5</source>
        <translation>&lt;b&gt;评分&lt;/b&gt; %1 / 5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remains&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;待办&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>%1 已读</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>%1 已送达</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>%1 to %2: %3 (%4)</source>
        <translation>%1 发给 %2：%3（%4）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notices to the technicians&lt;/b&gt;</source>
        <translation>&lt;b&gt;发给技术员的通知&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>零件：</translation>
    </message>
    <message>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2（%3）</translation>
    </message>
    <message>
        <source>Van of %1 lacks %2</source>
        <translation>%1 的车上缺少 %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Estimate %1; too little history to predict (completed visits of this type: %2, %3 needed)</source>
        <translation>估计 %1；历史不足，无法预测（此类型已完成上门：%2，需要 %3）</translation>
    </message>
    <message>
        <source>Predicted %1 (%2 – %3); estimate %4</source>
        <translation>预测 %1（%2 – %3）；估计 %4</translation>
    </message>
    <message>
        <source>on this model: %1</source>
        <translation>此型号：%1</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>%1 完成：%2</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1</source>
        <translation>此类型已完成上门：%1</translation>
    </message>
    <message>
        <source>Completed visits of this type: %1 (%2)</source>
        <translation>此类型已完成上门：%1（%2）</translation>
    </message>
</context>
<context>
    <name>fieldops::widgets::WorkOrderStoryWindow</name>
    <message>
        <source>Work order story</source>
        <translation>工单经过</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Select a work order to see its story.</source>
        <translation>选择一个工单以查看其经过。</translation>
    </message>
    <message>
        <source>Story of work order %1</source>
        <translation>工单 %1 的经过</translation>
    </message>
    <message>
        <source>No work order is shown.</source>
        <translation>未显示工单。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>work-order-%1.pdf</source>
        <translation>工单-%1.pdf</translation>
    </message>
    <message>
        <source>Export the story as PDF</source>
        <translation>将经过导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>工单 %1</translation>
    </message>
</context>
<context>
    <name>fieldops::workorders::WorkOrderFormModel</name>
    <message>
        <source>Under warranty until %1</source>
        <translation>保修期至 %1</translation>
    </message>
    <message>
        <source>Warranty ended on %1</source>
        <translation>保修已于 %1 结束</translation>
    </message>
    <message>
        <source>choose the customer who called</source>
        <translation>请选择来电的客户</translation>
    </message>
    <message>
        <source>site %1 is not one of this customer&apos;s</source>
        <translation>站点 %1 不属于此客户</translation>
    </message>
    <message>
        <source>this customer has no site yet: add one on the customer&apos;s page</source>
        <translation>此客户还没有站点：请在客户页面上添加</translation>
    </message>
    <message>
        <source>asset %1 is not at this site</source>
        <translation>资产 %1 不在此站点</translation>
    </message>
    <message>
        <source>say in a few words what the customer reported</source>
        <translation>请简要说明客户报告的问题</translation>
    </message>
    <message>
        <source>unknown skill(s): %1</source>
        <translation>未知技能：%1</translation>
    </message>
</context>
<context>
    <name>interchange</name>
    <message>
        <source>%1 is outside [%2, %3]</source>
        <translation>%1 超出范围 [%2, %3]</translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation>%1 必须大于 %2</translation>
    </message>
    <message>
        <source>%1 must be at least %2</source>
        <translation>%1 必须至少为 %2</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>需要提供值</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not 0 or 1</source>
        <translation>“%1”不是 0 或 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 timestamp with an offset or Z (like 2026-03-02T08:00:00-03:00)</source>
        <translation>“%1”不是带时区偏移或 Z 的 ISO 8601 时间戳（如 2026-03-02T08:00:00-03:00）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date YYYY-MM-DD</source>
        <translation>“%1”不是日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM</source>
        <translation>“%1”不是 HH:MM 格式的时间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clock time HH:MM (or 24:00)</source>
        <translation>“%1”不是 HH:MM 格式的时间（或 24:00）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IANA time zone (like America/Sao_Paulo)</source>
        <translation>“%1”不是 IANA 时区（如 America/Sao_Paulo）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)</source>
        <translation>“%1”不是星期几（Mon、Tue、Wed、Thu、Fri、Sat、Sun）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not warehouse:&lt;id&gt; or van:&lt;technician_id&gt;</source>
        <translation>“%1”不是 warehouse:&lt;id&gt; 或 van:&lt;technician_id&gt;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>is not valid UTF-8</source>
        <translation>不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>a quoted cell opened on line %1 is never closed</source>
        <translation>第 %1 行开始的带引号单元格未闭合</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>右引号后有意外文本</translation>
    </message>
    <message>
        <source>a quote inside an unquoted cell (quote the whole cell and double the quote)</source>
        <translation>未加引号的单元格中含有引号（请给整个单元格加引号，并将引号写两次）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1: the file is empty and was skipped</source>
        <translation>%1：文件为空，已跳过</translation>
    </message>
    <message>
        <source>the column appears twice in the header</source>
        <translation>该列在表头中出现了两次</translation>
    </message>
    <message>
        <source>%1: column &quot;%2&quot; is unknown and was ignored</source>
        <translation>%1：列“%2”未知，已忽略</translation>
    </message>
    <message>
        <source>the required column is missing</source>
        <translation>缺少必需的列</translation>
    </message>
    <message>
        <source>the row has %1 cells but the header has %2</source>
        <translation>该行有 %1 个单元格，但表头有 %2 个</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was written</source>
        <translation>导入已取消；未写入任何内容</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 不是目录</translation>
    </message>
    <message>
        <source>the default time zone &quot;%1&quot; is not an IANA time zone</source>
        <translation>默认时区“%1”不是 IANA 时区</translation>
    </message>
    <message>
        <source>%1: not an interchange file; ignored</source>
        <translation>%1：不是交换文件；已忽略</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>checking references and double bookings</source>
        <translation>正在检查引用和重复排定</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>正在写入</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>（另有 %n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears again (first on line %2)</source>
        <translation>“%1”重复出现（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <source>%1 is before %2 %3</source>
        <translation>%1 早于 %2 %3</translation>
    </message>
    <message>
        <source>%1 is not after %2 %3</source>
        <translation>%1 不晚于 %2 %3</translation>
    </message>
    <message>
        <source>unknown technician &quot;%1&quot; in %2</source>
        <translation>%2 中的未知技术员“%1”</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation>未知%1“%2”</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>already in the database</source>
        <translation>已在数据库中</translation>
    </message>
    <message>
        <source>technician %1 is double-booked: overlaps appointment %2 (%3, %4 to %5)</source>
        <translation>技术员 %1 被重复排定：与预约 %2 重叠（%3，%4 至 %5）</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>maintenance plan</source>
        <translation>维护计划</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>%1 readings are in &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 读数的单位是“%2”，而不是“%3”</translation>
    </message>
    <message>
        <source>%1 readings of asset %2 are in &quot;%3&quot; (line %4), not &quot;%5&quot;</source>
        <translation>资产 %2 的 %1 读数单位是“%3”（第 %4 行），而不是“%5”</translation>
    </message>
    <message>
        <source>contract %1 cannot renew itself</source>
        <translation>合同 %1 不能续签其自身</translation>
    </message>
    <message>
        <source>site %1 belongs to customer %2, not to the contract&apos;s customer %3</source>
        <translation>站点 %1 属于客户 %2，而不是该合同的客户 %3</translation>
    </message>
    <message>
        <source>asset %1 is at site %2 of customer %3, not of the contract&apos;s customer %4</source>
        <translation>资产 %1 位于客户 %3 的站点 %2，而不是该合同的客户 %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>work order %1 cannot be a return visit of itself</source>
        <translation>工单 %1 不能是它自己的回访</translation>
    </message>
    <message>
        <source>work order %1 is in a loop of return visits that follow each other</source>
        <translation>工单 %1 处于相互跟随的回访循环中</translation>
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
        <translation>FieldOps Console：面向现场服务运营的调度控制台。</translation>
    </message>
    <message>
        <source>Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db (default: FIELDOPS_DB, else the choice made at the first start).</source>
        <translation>数据库 URL：sqlite:///abs/path.db 或 postgresql://user@host:port/db（默认：FIELDOPS_DB，否则为首次启动时所做的选择）。</translation>
    </message>
    <message>
        <source>Open the demo database (demo.db in the data folder, or the --db database), filling it with the demo operation when it is empty.</source>
        <translation>打开演示数据库（数据文件夹中的 demo.db，或 --db 指定的数据库），如果为空则填充演示业务数据。</translation>
    </message>
    <message>
        <source>Draw VIEW (%1) of the console into the PNG FILE and exit.</source>
        <translation>将控制台的视图 VIEW（%1）绘制到 PNG 文件 FILE 中并退出。</translation>
    </message>
    <message>
        <source>With --screenshot: the PNG file to write.</source>
        <translation>与 --screenshot 一起使用：要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>--screenshot needs a view and a file: --screenshot VIEW FILE</source>
        <translation>--screenshot 需要视图和文件：--screenshot VIEW FILE</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
</context>
</TS>

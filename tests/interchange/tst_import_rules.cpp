// One row per validation rule of the README's CSV interchange, on both backends: the sample
// directory is imported first, then a directory holding one bad file is imported with the
// real fieldops-cli. Each must exit 2 with `file:line: column: reason` on one stderr line
// and leave the database exactly as it was.
#include "InterchangeFixture.h"
#include "TestDatabases.h"
#include "interchange/Importer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

class TestImportRules : public QObject {
    Q_OBJECT

    struct Rule {
        const char *name;
        const char *file;
        QString content;
        QString expected; // the start of the error line
        QString detail;   // also somewhere in the message
    };

    static QList<Rule> rules()
    {
        const QString apptHeader = QStringLiteral("id,work_order_id,technician_id,start,end,status\n");
        const QString woHeader = QStringLiteral("id,site_id,priority,duration_min,created_at,required_skills\n");
        return {
            {"latitude out of range", "sites.csv", QStringLiteral("id,customer_id,lat,lon\ns9,c1,123,0\n"),
             QStringLiteral("sites.csv:2: lat: 123 is outside [-90, 90]"), {}},
            {"longitude out of range", "sites.csv", QStringLiteral("id,customer_id,lat,lon\ns9,c1,0,-180.5\n"),
             QStringLiteral("sites.csv:2: lon: -180.5 is outside [-180, 180]"), {}},
            {"home latitude out of range", "technicians.csv", QStringLiteral("id,name,home_lat,home_lon\nt9,X,-91,0\n"),
             QStringLiteral("technicians.csv:2: home_lat:"), QStringLiteral("outside")},
            {"unknown technician", "appointments.csv",
             apptHeader + QStringLiteral("a9,w2,t99,2026-03-04T09:00:00Z,2026-03-04T10:00:00Z,scheduled\n"),
             QStringLiteral("appointments.csv:2: technician_id: unknown technician \"t99\""), {}},
            {"unknown work order", "ratings.csv", QStringLiteral("work_order_id,score\nw1,4\nw404,4\n"),
             QStringLiteral("ratings.csv:3: work_order_id: unknown work order \"w404\""), {}},
            {"unknown customer", "sites.csv", QStringLiteral("id,customer_id,lat,lon\ns9,nobody,0,0\n"),
             QStringLiteral("sites.csv:2: customer_id: unknown customer \"nobody\""), {}},
            {"unknown asset", "work_orders.csv",
             QStringLiteral("id,site_id,asset_id,duration_min,created_at\nw9,s1,as404,30,2026-03-01T00:00:00Z\n"),
             QStringLiteral("work_orders.csv:2: asset_id: unknown asset \"as404\""), {}},
            {"unknown contract", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due\nmp9,k404,T,10,10,2026-05-01\n"),
             QStringLiteral("maintenance_plans.csv:2: contract_id: unknown contract \"k404\""), {}},
            {"unknown part", "stock.csv", QStringLiteral("sku,location,quantity\np-nope,warehouse:main,1\n"),
             QStringLiteral("stock.csv:2: sku: unknown part \"p-nope\""), {}},
            {"end before start", "absences.csv",
             QStringLiteral("technician_id,start,end\nt1,2026-03-20T10:00:00Z,2026-03-20T09:00:00Z\n"),
             QStringLiteral("absences.csv:2: end: 2026-03-20T09:00:00Z is not after start 2026-03-20T10:00:00Z"), {}},
            {"end equal to start", "appointments.csv",
             apptHeader + QStringLiteral("a9,w2,t3,2026-03-04T09:00:00Z,2026-03-04T09:00:00Z,scheduled\n"),
             QStringLiteral("appointments.csv:2: end:"), QStringLiteral("is not after start")},
            {"contract ends before it starts", "contracts.csv",
             QStringLiteral("id,customer_id,starts_on,ends_on\nk9,c1,2026-02-01,2026-01-31\n"),
             QStringLiteral("contracts.csv:2: ends_on: 2026-01-31 is before starts_on 2026-02-01"), {}},
            {"overlap within the file", "appointments.csv",
             apptHeader + QStringLiteral("a8,w2,t3,2026-03-04T09:00:00Z,2026-03-04T10:00:00Z,scheduled\n"
                                         "a9,w2,t3,2026-03-04T09:59:00Z,2026-03-04T11:00:00Z,tentative\n"),
             QStringLiteral("appointments.csv:3: start: technician t3 is double-booked"), QStringLiteral("a8 (line 2")},
            {"overlap with the database", "appointments.csv",
             apptHeader + QStringLiteral("a9,w2,t1,2026-03-02T10:00:00-03:00,2026-03-02T11:00:00-03:00,scheduled\n"),
             QStringLiteral("appointments.csv:2: start: technician t1 is double-booked"), QStringLiteral("a1 (already in the database")},
            {"score 6", "ratings.csv", QStringLiteral("work_order_id,score\nw2,6\n"),
             QStringLiteral("ratings.csv:2: score: 6 is outside [1, 5]"), {}},
            {"score 0", "ratings.csv", QStringLiteral("work_order_id,score\nw2,0\n"),
             QStringLiteral("ratings.csv:2: score: 0 is outside [1, 5]"), {}},
            {"priority 0", "work_orders.csv", woHeader + QStringLiteral("w9,s1,0,30,2026-03-01T00:00:00Z,\n"),
             QStringLiteral("work_orders.csv:2: priority: 0 is outside [1, 4]"), {}},
            {"priority 5", "work_orders.csv", woHeader + QStringLiteral("w9,s1,5,30,2026-03-01T00:00:00Z,\n"),
             QStringLiteral("work_orders.csv:2: priority: 5 is outside [1, 4]"), {}},
            {"duration 0", "work_orders.csv", woHeader + QStringLiteral("w9,s1,2,0,2026-03-01T00:00:00Z,\n"),
             QStringLiteral("work_orders.csv:2: duration_min: 0 must be greater than 0"), {}},
            {"plan duration 0", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due\nmp9,k1,T,10,0,2026-05-01\n"),
             QStringLiteral("maintenance_plans.csv:2: duration_min: 0 must be greater than 0"), {}},
            {"duration not a number", "work_orders.csv", woHeader + QStringLiteral("w9,s1,2,1h,2026-03-01T00:00:00Z,\n"),
             QStringLiteral("work_orders.csv:2: duration_min: \"1h\" is not a whole number"), {}},
            {"missing required column", "technicians.csv", QStringLiteral("id,name,home_lat\nt9,X,0\n"),
             QStringLiteral("technicians.csv:1: home_lon: the required column is missing"), {}},
            {"required cell empty", "customers.csv", QStringLiteral("id,name\nc9,\n"),
             QStringLiteral("customers.csv:2: name: a value is required"), {}},
            {"bad time zone", "sites.csv", QStringLiteral("id,customer_id,lat,lon,time_zone\ns9,c1,0,0,Mars/Olympus_Mons\n"),
             QStringLiteral("sites.csv:2: time_zone: \"Mars/Olympus_Mons\" is not an IANA time zone"), {}},
            {"timestamp without offset", "appointments.csv",
             apptHeader + QStringLiteral("a9,w2,t3,2026-03-04T09:00:00,2026-03-04T10:00:00Z,scheduled\n"),
             QStringLiteral("appointments.csv:2: start: \"2026-03-04T09:00:00\" is not an ISO 8601 timestamp with an offset or Z"), {}},
            {"timestamp not a date", "positions.csv", QStringLiteral("technician_id,at,lat,lon\nt1,yesterday,0,0\n"),
             QStringLiteral("positions.csv:2: at: \"yesterday\" is not an ISO 8601 timestamp"), {}},
            {"bad employment", "technicians.csv", QStringLiteral("id,name,employment,home_lat,home_lon\nt9,X,freelancer,0,0\n"),
             QStringLiteral("technicians.csv:2: employment: \"freelancer\" is not one of employee, part_time, contractor"), {}},
            {"bad coverage", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,coverage\nk9,c1,2026-01-01,2026-02-01,weekends\n"),
             QStringLiteral("contracts.csv:2: coverage: \"weekends\" is not one of 24x7, business_hours"), {}},
            {"bad work order type", "work_orders.csv",
             QStringLiteral("id,site_id,type,duration_min,created_at\nw9,s1,repair,30,2026-03-01T00:00:00Z\n"),
             QStringLiteral("work_orders.csv:2: type: \"repair\" is not one of"), {}},
            {"bad work order status", "work_orders.csv",
             QStringLiteral("id,site_id,status,duration_min,created_at\nw9,s1,closed,30,2026-03-01T00:00:00Z\n"),
             QStringLiteral("work_orders.csv:2: status: \"closed\" is not one of"), {}},
            {"bad appointment status", "appointments.csv",
             apptHeader + QStringLiteral("a9,w2,t3,2026-03-04T09:00:00Z,2026-03-04T10:00:00Z,done\n"),
             QStringLiteral("appointments.csv:2: status: \"done\" is not one of"), {}},
            {"bad boolean", "time_entries.csv",
             QStringLiteral("technician_id,work_order_id,start,end,billable\nt1,w1,2026-03-04T09:00:00Z,2026-03-04T10:00:00Z,yes\n"),
             QStringLiteral("time_entries.csv:2: billable: \"yes\" is not 0 or 1"), {}},
            {"bad date", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on\nk9,c1,2026-13-01,2026-12-31\n"),
             QStringLiteral("contracts.csv:2: starts_on: \"2026-13-01\" is not a date YYYY-MM-DD"), {}},
            {"date in another format", "assets.csv", QStringLiteral("id,site_id,installed_on\nas9,s1,01/02/2024\n"),
             QStringLiteral("assets.csv:2: installed_on: \"01/02/2024\" is not a date YYYY-MM-DD"), {}},
            {"bad HH:MM", "technicians.csv", QStringLiteral("id,name,home_lat,home_lon,shift_start\nt9,X,0,0,25:00\n"),
             QStringLiteral("technicians.csv:2: shift_start: \"25:00\" is not a clock time HH:MM"), {}},
            {"bad work day", "technicians.csv", QStringLiteral("id,name,home_lat,home_lon,work_days\nt9,X,0,0,Mon;Funday\n"),
             QStringLiteral("technicians.csv:2: work_days: \"Funday\" is not a day of the week"), {}},
            {"unknown skill", "work_orders.csv", woHeader + QStringLiteral("w9,s1,2,30,2026-03-01T00:00:00Z,hvac;welding\n"),
             QStringLiteral("work_orders.csv:2: required_skills: unknown skill \"welding\""), {}},
            {"unknown technician skill", "technicians.csv", QStringLiteral("id,name,home_lat,home_lon,skills\nt9,X,0,0,juggling\n"),
             QStringLiteral("technicians.csv:2: skills: unknown skill \"juggling\""), {}},
            {"bad stock location", "stock.csv", QStringLiteral("sku,location,quantity\np-cap,garage:1,5\n"),
             QStringLiteral("stock.csv:2: location: \"garage:1\" is not warehouse:<id> or van:<technician_id>"), {}},
            {"stock in an unknown van", "stock.csv", QStringLiteral("sku,location,quantity\np-cap,van:t99,5\n"),
             QStringLiteral("stock.csv:2: location: unknown technician \"t99\""), {}},
            {"multi-line cell counts its lines", "sites.csv",
             QStringLiteral("id,customer_id,address,lat,lon\n"
                            "s8,c1,\"Rua A, 1\nBloco B\nSão Paulo\",-23.5,-46.6\n"
                            "s9,c1,Rua B,95,-46.6\n"),
             QStringLiteral("sites.csv:5: lat: 95 is outside [-90, 90]"), {}},
            {"duplicate id", "customers.csv", QStringLiteral("id,name\nc8,A\nc9,B\nc8,C\n"),
             QStringLiteral("customers.csv:4: id: \"c8\" appears again (first on line 2)"), {}},
            {"quote never closed", "customers.csv", QStringLiteral("id,name\nc8,\"Acme\nc9,B\n"),
             QStringLiteral("customers.csv:2: name: a quoted cell opened on line 2 is never closed"), {}},
            {"wrong number of cells", "customers.csv", QStringLiteral("id,name\nc8,A,extra\n"),
             QStringLiteral("customers.csv:2: the row has 3 cells but the header has 2"), {}},
            // Contract terms (schema 9), holidays, plan recurrence and site territories.
            {"bad coverage opening", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,coverage_open\nk9,c1,2026-01-01,2026-02-01,8h\n"),
             QStringLiteral("contracts.csv:2: coverage_open: \"8h\" is not a clock time HH:MM"), {}},
            {"closing after midnight", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,coverage_close\nk9,c1,2026-01-01,2026-02-01,24:30\n"),
             QStringLiteral("contracts.csv:2: coverage_close: \"24:30\" is not a clock time HH:MM (or 24:00)"), {}},
            {"close before open", "contracts.csv",
             QStringLiteral("id,customer_id,starts_on,ends_on,coverage_open,coverage_close\nk9,c1,2026-01-01,2026-02-01,18:00,08:00\n"),
             QStringLiteral("contracts.csv:2: coverage_close: 08:00 is not after coverage_open 18:00"), {}},
            {"fee period weekly", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,fee_period\nk9,c1,2026-01-01,2026-02-01,weekly\n"),
             QStringLiteral("contracts.csv:2: fee_period: \"weekly\" is not one of month, quarter, year"), {}},
            {"bad coverage day", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,coverage_days\nk9,c1,2026-01-01,2026-02-01,Mon;Fry\n"),
             QStringLiteral("contracts.csv:2: coverage_days: \"Fry\" is not a day of the week"), {}},
            {"response hours 0", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,response_hours_p1\nk9,c1,2026-01-01,2026-02-01,0\n"),
             QStringLiteral("contracts.csv:2: response_hours_p1: 0 must be greater than 0"), {}},
            {"resolution hours not a number", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,resolution_hours_p4\nk9,c1,2026-01-01,2026-02-01,2d\n"),
             QStringLiteral("contracts.csv:2: resolution_hours_p4: \"2d\" is not a whole number"), {}},
            {"negative fee", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,fixed_fee\nk9,c1,2026-01-01,2026-02-01,-5\n"),
             QStringLiteral("contracts.csv:2: fixed_fee: -5 must be at least 0"), {}},
            {"parts included yes", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,parts_included\nk9,c1,2026-01-01,2026-02-01,yes\n"),
             QStringLiteral("contracts.csv:2: parts_included: \"yes\" is not 0 or 1"), {}},
            {"covered site of another customer", "contracts.csv",
             QStringLiteral("id,customer_id,starts_on,ends_on,covered_sites\nk9,c1,2026-01-01,2026-02-01,s1;s2\n"),
             QStringLiteral("contracts.csv:2: covered_sites: site s2 belongs to customer c2, not to the contract's customer c1"), {}},
            {"covered asset of another customer", "contracts.csv",
             QStringLiteral("id,customer_id,starts_on,ends_on,covered_assets\nk9,c1,2026-01-01,2026-02-01,as2\n"),
             QStringLiteral("contracts.csv:2: covered_assets: asset as2 is at site s2 of customer c2, not of the contract's customer c1"), {}},
            {"unknown covered site", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,covered_sites\nk9,c1,2026-01-01,2026-02-01,s404\n"),
             QStringLiteral("contracts.csv:2: covered_sites: unknown site \"s404\""), {}},
            {"unknown holiday calendar", "contracts.csv",
             QStringLiteral("id,customer_id,starts_on,ends_on,holiday_territory_id\nk9,c1,2026-01-01,2026-02-01,west\n"),
             QStringLiteral("contracts.csv:2: holiday_territory_id: unknown territory \"west\""), {}},
            {"renews itself", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,renewed_from\nk9,c1,2026-01-01,2026-02-01,k9\n"),
             QStringLiteral("contracts.csv:2: renewed_from: contract k9 cannot renew itself"), {}},
            {"renews an unknown contract", "contracts.csv", QStringLiteral("id,customer_id,starts_on,ends_on,renewed_from\nk9,c1,2026-01-01,2026-02-01,k404\n"),
             QStringLiteral("contracts.csv:2: renewed_from: unknown contract \"k404\""), {}},
            {"site in an unknown territory", "sites.csv", QStringLiteral("id,customer_id,lat,lon,territory_id\ns9,c1,0,0,west\n"),
             QStringLiteral("sites.csv:2: territory_id: unknown territory \"west\""), {}},
            {"holidays of an unknown territory", "holidays.csv", QStringLiteral("territory_id,day,name\nnorth,2026-12-25,Natal\nwest,2026-12-25,\n"),
             QStringLiteral("holidays.csv:3: territory_id: unknown territory \"west\""), {}},
            {"holiday not a date", "holidays.csv", QStringLiteral("territory_id,day\nnorth,2026-02-30\n"),
             QStringLiteral("holidays.csv:2: day: \"2026-02-30\" is not a date YYYY-MM-DD"), {}},
            {"holiday twice", "holidays.csv", QStringLiteral("territory_id,day,name\nnorth,2026-12-25,Natal\nnorth,2026-12-25,Christmas\n"),
             QStringLiteral("holidays.csv:3: day: \"north 2026-12-25\" appears again (first on line 2)"), {}},
            {"holiday without a day", "holidays.csv", QStringLiteral("territory_id,name\nnorth,Natal\n"),
             QStringLiteral("holidays.csv:1: day: the required column is missing"), {}},
            {"bad recurrence", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due,recurrence\nmp9,k1,T,10,10,2026-05-01,every fortnight\n"),
             QStringLiteral("maintenance_plans.csv:2: recurrence: \"every fortnight\": "), {}},
            {"bad seasonal month", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due,seasonal_months\nmp9,k1,T,10,10,2026-05-01,4;13\n"),
             QStringLiteral("maintenance_plans.csv:2: seasonal_months: \"13\" is not a month from 1 to 12"), {}},
            {"lead days 400", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due,lead_days\nmp9,k1,T,10,10,2026-05-01,400\n"),
             QStringLiteral("maintenance_plans.csv:2: lead_days: 400 is outside [0, 365]"), {}},
            {"bad preferred start", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due,preferred_start\nmp9,k1,T,10,10,2026-05-01,7.30\n"),
             QStringLiteral("maintenance_plans.csv:2: preferred_start: \"7.30\" is not a clock time HH:MM"), {}},
            {"shift on miss yes", "maintenance_plans.csv",
             QStringLiteral("id,contract_id,task,interval_days,duration_min,next_due,shift_on_miss\nmp9,k1,T,10,10,2026-05-01,yes\n"),
             QStringLiteral("maintenance_plans.csv:2: shift_on_miss: \"yes\" is not 0 or 1"), {}},
            {"unknown plan of a work order", "work_orders.csv",
             QStringLiteral("id,site_id,duration_min,created_at,pm_plan_id,pm_due\nw9,s1,30,2026-03-01T00:00:00Z,mp404,2026-03-02\n"),
             QStringLiteral("work_orders.csv:2: pm_plan_id: unknown maintenance plan \"mp404\""), {}},
            {"response due without offset", "work_orders.csv",
             QStringLiteral("id,site_id,duration_min,created_at,response_due\nw9,s1,30,2026-03-01T00:00:00Z,2026-03-01T04:00:00\n"),
             QStringLiteral("work_orders.csv:2: response_due: \"2026-03-01T04:00:00\" is not an ISO 8601 timestamp"), {}},
            {"follow-up of an unknown work order", "work_orders.csv",
             QStringLiteral("id,site_id,duration_min,created_at,follow_up_of\nw9,s1,30,2026-03-01T00:00:00Z,w404\n"),
             QStringLiteral("work_orders.csv:2: follow_up_of: unknown work order \"w404\""), {}},
            {"follow-up of itself", "work_orders.csv",
             QStringLiteral("id,site_id,duration_min,created_at,follow_up_of\nw9,s1,30,2026-03-01T00:00:00Z,w9\n"),
             QStringLiteral("work_orders.csv:2: follow_up_of: work order w9 cannot be a return visit of itself"), {}},
            {"follow-ups in a loop", "work_orders.csv",
             QStringLiteral("id,site_id,duration_min,created_at,follow_up_of\nw8,s1,30,2026-03-01T00:00:00Z,w9\nw9,s1,30,2026-03-01T00:00:00Z,w8\n"),
             QStringLiteral("work_orders.csv:2: follow_up_of: work order w8 is in a loop of return visits that follow each other"), {}},
            {"parts of an unknown work order", "work_order_parts.csv",
             QStringLiteral("work_order_id,sku,quantity,reserved_location\nw1,p-cap,1,\nw404,p-cap,1,\n"),
             QStringLiteral("work_order_parts.csv:3: work_order_id: unknown work order \"w404\""), {}},
            {"parts: unknown part", "work_order_parts.csv", QStringLiteral("work_order_id,sku,quantity\nw1,p-nope,1\n"),
             QStringLiteral("work_order_parts.csv:2: sku: unknown part \"p-nope\""), {}},
            {"parts: zero quantity", "work_order_parts.csv", QStringLiteral("work_order_id,sku,quantity\nw1,p-cap,0\n"),
             QStringLiteral("work_order_parts.csv:2: quantity: 0 must be greater than 0"), {}},
            {"parts: reserved in an unknown van", "work_order_parts.csv",
             QStringLiteral("work_order_id,sku,quantity,reserved_location\nw1,p-cap,1,van:t99\n"),
             QStringLiteral("work_order_parts.csv:2: reserved_location: unknown technician \"t99\" in van:t99"), {}},
            {"parts: reserved at no location", "work_order_parts.csv",
             QStringLiteral("work_order_id,sku,quantity,reserved_location\nw1,p-cap,1,shelf:3\n"),
             QStringLiteral("work_order_parts.csv:2: reserved_location: "), {}},
            {"parts listed twice", "work_order_parts.csv", QStringLiteral("work_order_id,sku,quantity\nw1,p-cap,1\nw1,p-cap,2\n"),
             QStringLiteral("work_order_parts.csv:3: sku: "), QStringLiteral("appears again (first on line 2)")},
            {"negative reorder point", "stock.csv", QStringLiteral("sku,location,quantity,min_quantity\np-cap,warehouse:main,1,-2\n"),
             QStringLiteral("stock.csv:2: min_quantity: -2 must be at least 0"), {}},
            {"negative speed", "positions.csv", QStringLiteral("technician_id,at,lat,lon,speed_kmh\nt1,2026-03-02T12:00:00Z,0,0,-3\n"),
             QStringLiteral("positions.csv:2: speed_kmh: -3 must be at least 0"), {}},
            {"reading of an unknown asset", "readings.csv", QStringLiteral("asset_id,at,kind,value\nas404,2026-03-02T12:00:00Z,cycles,3\n"),
             QStringLiteral("readings.csv:2: asset_id: unknown asset \"as404\""), {}},
            {"temperature in fahrenheit", "readings.csv", QStringLiteral("asset_id,at,kind,value,unit\nas1,2026-03-02T12:00:00Z,temperature,40,°F\n"),
             QStringLiteral("readings.csv:2: unit: temperature readings are in \"°C\", not \"°F\""), {}},
            {"one free kind in two units", "readings.csv",
             QStringLiteral("asset_id,at,kind,value,unit\nas1,2026-03-02T12:00:00Z,flow,3,l/min\nas1,2026-03-02T12:05:00Z,flow,1,gpm\n"),
             QStringLiteral("readings.csv:3: unit: flow readings of asset as1 are in \"l/min\" (line 2), not \"gpm\""), {}},
            {"reading without a value", "readings.csv", QStringLiteral("asset_id,at,kind,value\nas1,2026-03-02T12:00:00Z,cycles,\n"),
             QStringLiteral("readings.csv:2: value: "), {}},
        };
    }

private slots:
    void badInputIsRefusedWholly_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("detail");
        for (const char *backend : {"sqlite", "postgres"}) {
            for (const Rule &r : rules())
                QTest::addRow("%s: %s", backend, r.name) << QString::fromLatin1(backend) << QString::fromLatin1(r.file)
                                                         << r.content << r.expected << r.detail;
        }
    }
    void badInputIsRefusedWholly()
    {
        QFETCH(QString, backend);
        QFETCH(QString, file);
        QFETCH(QString, content);
        QFETCH(QString, expected);
        QFETCH(QString, detail);

        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("base")), test::sampleDirectory()));
        const auto base = interchange::Importer(*db).importDirectory(tmp.filePath(QStringLiteral("base")));
        QVERIFY2(base.ok(), qPrintable(base.summary()));
        const QString before = test::dumpDatabase(*db);

        // The bad file, next to a good one whose rows must not be written either.
        const QString bad = tmp.filePath(QStringLiteral("bad"));
        QMap<QString, QString> files{{file, content}};
        if (file != QLatin1String("skills.csv"))
            files.insert(QStringLiteral("skills.csv"), QStringLiteral("code,name\nweld,Welding\n"));
        QVERIFY(test::writeDirectory(bad, files));

        const auto run = test::runCli(url, {QStringLiteral("import"), bad});
        QCOMPARE(run.exitCode, 2);
        const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1); // one line reason
        QVERIFY2(lines.first().startsWith(QStringLiteral("error: ") + expected), qPrintable(run.err));
        QVERIFY2(lines.first().contains(detail), qPrintable(run.err));
        QCOMPARE(test::dumpDatabase(*db), before);

        // The library reports the same issue, with its parts separated.
        const auto report = interchange::Importer(*db).importDirectory(bad);
        QVERIFY(!report.ok());
        QCOMPARE(int(report.failure->kind), int(Error::Kind::Invalid));
        QVERIFY(!report.issues.isEmpty());
        QCOMPARE(report.issues.first().file, file);
        QVERIFY(expected.startsWith(report.issues.first().toString().left(expected.size())));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void manyProblemsAreListedInFileAndLineOrder()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.path(), {
            {QStringLiteral("sites.csv"), QStringLiteral("id,customer_id,lat,lon\ns1,c404,0,0\ns2,c404,100,0\n")},
            {QStringLiteral("customers.csv"), QStringLiteral("id,name\nc1,\n")},
        }));
        const auto report = interchange::Importer(*db).importDirectory(tmp.path());
        QVERIFY(!report.ok());
        QCOMPARE(report.issues.size(), 2); // cell problems first; references only once cells are sound
        QCOMPARE(report.issues.at(0).toString(), QStringLiteral("customers.csv:2: name: a value is required"));
        QCOMPARE(report.issues.at(1).toString(), QStringLiteral("sites.csv:3: lat: 100 is outside [-90, 90]"));
        QVERIFY(report.summary().contains(QLatin1String("(and 1 more problem")));
    }

    void nonUtf8FileNamesItsFirstBadLine()
    {
        // A Latin-1 export from an old CRM: "Café" with a lone 0xE9 on the third line.
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*db);
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("customers.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name\nc1,Bakery\nc2,Caf\xE9 Central\n");
        f.close();
        const auto run = test::runCli(url, {QStringLiteral("import"), tmp.path()});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed(), QStringLiteral("error: customers.csv:3: is not valid UTF-8"));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void notADirectoryIsInvalidInput()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const auto run = test::runCli(url, {QStringLiteral("import"), QStringLiteral("/nonexistent/fieldops-dir")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("is not a directory")));
    }
};

QTEST_GUILESS_MAIN(TestImportRules)
#include "tst_import_rules.moc"

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Charts</name>
    <message>
        <source>Municipalities with a cooperation agreement</source>
        <translation>Gemeenten met een samenwerkingsovereenkomst</translation>
    </message>
    <message>
        <source>Municipalities reached</source>
        <translation>Bereikte gemeenten</translation>
    </message>
    <message>
        <source>Regiegebieden with a cooperation agreement</source>
        <translation>Regiegebieden met een samenwerkingsovereenkomst</translation>
    </message>
    <message>
        <source>Regiegebieden with an agreement</source>
        <translation>Regiegebieden met SO</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>Stand op {date}</translation>
    </message>
    <message>
        <source>Forecast {date}</source>
        <translation>Prognose {date}</translation>
    </message>
    <message>
        <source>{part}/{total} municipalities — {percent}</source>
        <translation>{part}/{total} gemeenten — {percent}</translation>
    </message>
    <message>
        <source>{part}/{total} regiegebieden — {percent}</source>
        <translation>{part}/{total} regiegebieden — {percent}</translation>
    </message>
    <message>
        <source>Municipalities reached over time</source>
        <translation>Bereikte gemeenten doorheen de tijd</translation>
    </message>
    <message>
        <source>mergers {date}: {before} → {after} municipalities</source>
        <translation>fusies {date}: {before} → {after} gemeenten</translation>
    </message>
    <message>
        <source>{when} (forecast)</source>
        <translation>{when} (prognose)</translation>
    </message>
    <message>
        <source>{percent} ({part}/{total} municipalities)</source>
        <translation>{percent} ({part}/{total} gemeenten)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Labels</name>
    <message>
        <source>West Flanders</source>
        <translation>West-Vlaanderen</translation>
    </message>
    <message>
        <source>East Flanders</source>
        <translation>Oost-Vlaanderen</translation>
    </message>
    <message>
        <source>Antwerp</source>
        <translation>Antwerpen</translation>
    </message>
    <message>
        <source>Flemish Brabant</source>
        <translation>Vlaams-Brabant</translation>
    </message>
    <message>
        <source>Limburg</source>
        <translation>Limburg</translation>
    </message>
    <message>
        <source>Flanders</source>
        <translation>Vlaanderen</translation>
    </message>
    <message>
        <source>Municipalities with SO</source>
        <translation>Gemeenten met SO</translation>
    </message>
    <message>
        <source>Regiegebieden with SO</source>
        <translation>Regiegebieden met SO</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Gebied</translation>
    </message>
</context>
</TS>

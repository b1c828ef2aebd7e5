<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>StatusMap</name>
    <message>
        <source>Boundaries loaded from %1 (%2 shapes, %3).</source>
        <translation>Grenzen geladen uit %1 (%2 vormen, %3).</translation>
    </message>
    <message>
        <source>The file fits the municipalities of %1.</source>
        <translation>Het bestand past bij de gemeenten van %1.</translation>
    </message>
    <message>
        <source>%1 municipalities stored for %2.</source>
        <translation>%1 gemeenten opgeslagen voor %2.</translation>
    </message>
    <message>
        <source>%1 codes outside Flanders were ignored (%2).</source>
        <translation>%1 codes buiten Vlaanderen zijn genegeerd (%2).</translation>
    </message>
    <message>
        <source>A file of 2025 cannot give the borders of 2019–2024: dates before 2025 show no map.</source>
        <translation>Een bestand van 2025 kan de grenzen van 2019–2024 niet geven: voor datums vóór 2025 is er geen kaart.</translation>
    </message>
    <message>
        <source>Load boundaries</source>
        <translation>Grenzen laden</translation>
    </message>
    <message>
        <source>Source of the boundaries</source>
        <translation>Bron van de grenzen</translation>
    </message>
    <message>
        <source>Who published this file? The map and its exports name this source and the date you load it.</source>
        <translation>Wie publiceerde dit bestand? De kaart en haar exports vermelden deze bron en de datum waarop u het laadt.</translation>
    </message>
    <message>
        <source>Boundaries loaded</source>
        <translation>Grenzen geladen</translation>
    </message>
    <message>
        <source>Boundaries not loaded</source>
        <translation>Grenzen niet geladen</translation>
    </message>
    <message>
        <source>Preparing the boundaries…</source>
        <translation>De grenzen worden voorbereid…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The boundaries could not be stored (%1).</source>
        <translation>De grenzen konden niet worden opgeslagen (%1).</translation>
    </message>
    <message>
        <source>The file could not be loaded (%1). Nothing was changed.</source>
        <translation>Het bestand kon niet worden geladen (%1). Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>signed (own agreement)</source>
        <translation>afgesloten (eigen SO)</translation>
    </message>
    <message>
        <source>signed via regiegebied</source>
        <translation>afgesloten via regiegebied</translation>
    </message>
    <message>
        <source>in negotiation</source>
        <translation>in onderhandeling</translation>
    </message>
    <message>
        <source>to start</source>
        <translation>op te starten</translation>
    </message>
    <message>
        <source>no agreement</source>
        <translation>geen SO</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>afgesloten %1</translation>
    </message>
    <message>
        <source>in negotiation %1</source>
        <translation>in onderhandeling %1</translation>
    </message>
    <message>
        <source>to start %1</source>
        <translation>op te starten %1</translation>
    </message>
    <message>
        <source>no agreement %1</source>
        <translation>geen SO %1</translation>
    </message>
    <message>
        <source>Forecast for %2 (from %1): %3 of %4 signed</source>
        <translation>Prognose tegen %2 (vanaf %1): %3 van %4 afgesloten</translation>
    </message>
    <message>
        <source>Status on %1 · forecast by %2: %3 of %4 signed</source>
        <translation>Stand op %1 · prognose tegen %2: %3 van %4 afgesloten</translation>
    </message>
    <message>
        <source>Cooperation agreements VDAB – local governments</source>
        <translation>Samenwerkingsovereenkomsten VDAB – lokale besturen</translation>
    </message>
    <message>
        <source>source not stated (file %1)</source>
        <translation>bron niet vermeld (bestand %1)</translation>
    </message>
    <message>
        <source>as published by whoever published the file</source>
        <translation>zoals gepubliceerd door wie het bestand publiceerde</translation>
    </message>
    <message>
        <source>licence as published by %1</source>
        <translation>licentie zoals gepubliceerd door %1</translation>
    </message>
    <message>
        <source>Boundaries: %1, %2 (loaded %3)</source>
        <translation>Grenzen: %1, %2 (geladen op %3)</translation>
    </message>
    <message>
        <source>The loaded boundaries are those of the municipalities since 2025; they cannot give the borders of 2019–2024. Load a file of 2019–2024 to see dates before 2025.</source>
        <translation>De geladen grenzen zijn die van de gemeenten sinds 2025; daaruit volgen de grenzen van 2019–2024 niet. Laad een bestand van 2019–2024 om datums vóór 2025 te zien.</translation>
    </message>
    <message>
        <source>No municipal boundaries are loaded yet.</source>
        <translation>Er zijn nog geen gemeentegrenzen geladen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The map uses an official boundary file that you load once:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Statbel&apos;s &lt;b&gt;statistical sectors&lt;/b&gt; (statbel.fgov.be › Open data › Statistical sectors; GeoJSON, Shapefile or GeoPackage), free to reuse with credit to Statbel;&lt;/li&gt;&lt;li&gt;or a file of the municipalities (Statbel, FOD Financiën/AAPD or Digitaal Vlaanderen&apos;s reference file of municipal boundaries).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Lambert 72, Lambert 2008 and WGS84 are accepted. The file stays in this database; the rest of the program works without it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;De kaart gebruikt een officieel grenzenbestand dat u één keer laadt:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;de &lt;b&gt;statistische sectoren&lt;/b&gt; van Statbel (statbel.fgov.be › Open data › Statistische sectoren; GeoJSON, Shapefile of GeoPackage), vrij te hergebruiken met bronvermelding Statbel;&lt;/li&gt;&lt;li&gt;of een bestand van de gemeenten (Statbel, FOD Financiën/AAPD of het referentiebestand gemeentegrenzen van Digitaal Vlaanderen).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Lambert 72, Lambert 2008 en WGS84 worden aanvaard. Het bestand blijft in deze database; de rest van het programma werkt ook zonder.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Regiegebieden</source>
        <translation>Regiegebieden</translation>
    </message>
    <message>
        <source>Whole Flanders</source>
        <translation>Heel Vlaanderen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>As %1…</source>
        <translation>Als %1…</translation>
    </message>
    <message>
        <source>Copy as image</source>
        <translation>Kopiëren als afbeelding</translation>
    </message>
    <message>
        <source>Larger view</source>
        <translation>Groter venster</translation>
    </message>
    <message>
        <source>Load boundaries…</source>
        <translation>Grenzen laden…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Status map — SEW Desktop</source>
        <translation>Statuskaart — SEW Desktop</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Through: %1</source>
        <translation>Via: %1</translation>
    </message>
    <message>
        <source>Regiegebied: %1</source>
        <translation>Regiegebied: %1</translation>
    </message>
    <message>
        <source>Province: %1</source>
        <translation>Provincie: %1</translation>
    </message>
    <message>
        <source>total</source>
        <translation>totaal</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincie</translation>
    </message>
</context>
<context>
    <name>StatusMapTab</name>
    <message>
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <source>Load bo&amp;undaries…</source>
        <translation>&amp;Grenzen laden…</translation>
    </message>
    <message>
        <source>About the map&apos;s &amp;boundaries</source>
        <translation>Over de &amp;grenzen van de kaart</translation>
    </message>
    <message>
        <source>No boundaries are loaded. Load an official file with File › Load boundaries…; the map then names its source and the date it was loaded.</source>
        <translation>Er zijn geen grenzen geladen. Laad een officieel bestand met Bestand › Grenzen laden…; de kaart vermeldt dan de bron en de datum waarop het geladen is.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Loaded on</source>
        <translation>Geladen op</translation>
    </message>
    <message>
        <source>Municipalities of</source>
        <translation>Gemeenten van</translation>
    </message>
    <message>
        <source>Coordinate system of the file</source>
        <translation>Coördinatenstelsel van het bestand</translation>
    </message>
    <message>
        <source>Boundaries of the map</source>
        <translation>Grenzen van de kaart</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Kaart exporteren</translation>
    </message>
    <message>
        <source>status-map</source>
        <translation>statuskaart</translation>
    </message>
</context>
</TS>

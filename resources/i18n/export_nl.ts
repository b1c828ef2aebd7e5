<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Export</name>
    <message>
        <source>Chart: municipalities per province</source>
        <translation>Grafiek: gemeenten per provincie</translation>
    </message>
    <message>
        <source>Chart: regiegebieden per province</source>
        <translation>Grafiek: regiegebieden per provincie</translation>
    </message>
    <message>
        <source>Chart: coverage over time</source>
        <translation>Grafiek: dekking doorheen de tijd</translation>
    </message>
    <message>
        <source>Coverage table</source>
        <translation>Dekkingstabel</translation>
    </message>
    <message>
        <source>PDF report (the table and charts; the map on page 2 when boundaries are loaded)</source>
        <translation>PDF-rapport (tabel en grafieken; de kaart op pagina 2 als er grenzen geladen zijn)</translation>
    </message>
    <message>
        <source>CSV – Excel (Belgium)</source>
        <translation>CSV – Excel (België)</translation>
    </message>
    <message>
        <source>CSV – plain</source>
        <translation>CSV – standaard</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel-werkmap (XLSX)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Status map</source>
        <translation>Statuskaart</translation>
    </message>
    <message numerus="yes">
        <source>List as shown: %1 (%n row(s))</source>
        <translation><numerusform>Lijst zoals getoond: %1 (%n rij)</numerusform><numerusform>Lijst zoals getoond: %1 (%n rijen)</numerusform></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Word page (16 cm wide)</source>
        <translation>Word-pagina (16 cm breed)</translation>
    </message>
    <message>
        <source>Slide (16:9)</source>
        <translation>Dia (16:9)</translation>
    </message>
    <message>
        <source>Large (1600 × 900)</source>
        <translation>Groot (1600 × 900)</translation>
    </message>
    <message>
        <source>Own size</source>
        <translation>Eigen maat</translation>
    </message>
    <message>
        <source>municipalities-per-province</source>
        <translation>gemeenten-per-provincie</translation>
    </message>
    <message>
        <source>regiegebieden-per-province</source>
        <translation>regiegebieden-per-provincie</translation>
    </message>
    <message>
        <source>coverage-over-time</source>
        <translation>dekking-in-de-tijd</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>dekking</translation>
    </message>
    <message>
        <source>coverage-report</source>
        <translation>dekkingsrapport</translation>
    </message>
    <message>
        <source>status-map</source>
        <translation>statuskaart</translation>
    </message>
    <message>
        <source>list</source>
        <translation>lijst</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Afmeting</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation>Breedte (px)</translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation>Hoogte (px)</translation>
    </message>
    <message>
        <source>Scale (PNG)</source>
        <translation>Schaal (PNG)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>{name} cannot be written. Choose a folder where you can save files, and check that the file is not open in another program.</source>
        <translation>{name} kan niet geschreven worden. Kies een map waarin u bestanden kunt bewaren, en kijk na of het bestand niet open is in een ander programma.</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} bestaat al. Vervangen?</translation>
    </message>
    <message>
        <source>Cooperation agreements VDAB – local governments</source>
        <translation>Samenwerkingsovereenkomsten VDAB – lokale besturen</translation>
    </message>
    <message>
        <source>SEW Desktop — as of {as_of}, forecast {horizon} — source: {source} — created on {created}</source>
        <translation>SEW Desktop — stand op {as_of}, prognose {horizon} — bron: {source} — gemaakt op {created}</translation>
    </message>
    <message>
        <source>As of {as_of} — forecast {horizon}</source>
        <translation>Stand op {as_of} — prognose {horizon}</translation>
    </message>
    <message>
        <source>Municipalities in total</source>
        <translation>Gemeenten totaal</translation>
    </message>
    <message>
        <source>% municipalities</source>
        <translation>% gemeenten</translation>
    </message>
    <message>
        <source>Forecast municipalities</source>
        <translation>Prognose gemeenten</translation>
    </message>
    <message>
        <source>% forecast municipalities</source>
        <translation>% prognose gemeenten</translation>
    </message>
    <message>
        <source>Regiegebieden in total</source>
        <translation>Regiegebieden totaal</translation>
    </message>
    <message>
        <source>% regiegebieden</source>
        <translation>% regiegebieden</translation>
    </message>
    <message>
        <source>Forecast regiegebieden</source>
        <translation>Prognose regiegebieden</translation>
    </message>
    <message>
        <source>% forecast regiegebieden</source>
        <translation>% prognose regiegebieden</translation>
    </message>
    <message>
        <source>Signed: agreement signed and running on the as-of date</source>
        <translation>Afgesloten: overeenkomst ondertekend en lopend op de standdatum</translation>
    </message>
    <message>
        <source>Forecast: signed, or negotiating with signing expected by the horizon</source>
        <translation>Prognose: afgesloten, of in onderhandeling met ondertekening verwacht vóór de prognosedatum</translation>
    </message>
    <message>
        <source>To start: no negotiations yet</source>
        <translation>Op te starten: nog geen onderhandelingen</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Copy co&amp;verage table</source>
        <translation>&amp;Dekkingstabel kopiëren</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printed on %1 · %2</source>
        <translation>Afgedrukt op %1 · %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
</context>
<context>
    <name>Published</name>
    <message>
        <source>Cooperation agreements per province — as of %1, forecast %2</source>
        <translation>Samenwerkingsovereenkomsten per provincie — stand op %1, prognose %2</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <source>Export chart</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <source>Chart copied to the clipboard</source>
        <translation>Grafiek gekopieerd naar het klembord</translation>
    </message>
    <message>
        <source>Coverage table copied to the clipboard</source>
        <translation>Dekkingstabel naar het klembord gekopieerd</translation>
    </message>
</context>
</TS>
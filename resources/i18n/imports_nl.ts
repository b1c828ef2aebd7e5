<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Open calls and imports</source>
        <translation>Oproepen en imports</translation>
    </message>
</context>
<context>
    <name>ImportDecisionsCommand</name>
    <message>
        <source>Import decisions from %1</source>
        <translation>Beslissingen importeren uit %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import subsidy decisions</source>
        <translation>Subsidiebeslissingen importeren</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Kolommen…</translation>
    </message>
    <message>
        <source>See or change which column is used for what</source>
        <translation>Bekijk of wijzig welke kolom waarvoor gebruikt wordt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Open call</source>
        <translation>Open oproep</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch herkennen</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codering</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Kies een bestand</translation>
    </message>
    <message>
        <source>No file chosen yet: click here or on Choose…, or drop a file on the window</source>
        <translation>Nog geen bestand gekozen: klik hier of op Kiezen…, of sleep een bestand naar het venster</translation>
    </message>
    <message>
        <source>Decisions (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>Beslissingen (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Bestand lezen…</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>Klaar om te importeren.</translation>
    </message>
    <message>
        <source>Fix or exclude the rows with errors before importing.</source>
        <translation>Verbeter de rijen met fouten of sluit ze uit voordat u importeert.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Geannuleerd; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>The open call of this file is not known: %1</source>
        <translation>De oproep van dit bestand is niet gekend: %1</translation>
    </message>
    <message>
        <source>Cannot read the file. Is it a CSV or Excel file with one row per decision? (details: %1)</source>
        <translation>Kan het bestand niet lezen. Is het een CSV- of Excelbestand met één rij per beslissing? (details: %1)</translation>
    </message>
    <message>
        <source>The encoding of this file cannot be told for sure: %1. Choose one under Encoding.</source>
        <translation>De codering van dit bestand is niet met zekerheid te bepalen: %1. Kies er een bij Codering.</translation>
    </message>
    <message>
        <source>Map the missing columns to continue.</source>
        <translation>Wijs de ontbrekende kolommen toe om verder te gaan.</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>Het importeren is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>ImportLogWidget</name>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 skipped</source>
        <translation>%1 nieuw, %2 gewijzigd, %3 ongewijzigd, %4 overgeslagen</translation>
    </message>
    <message>
        <source>undone on %1</source>
        <translation>ongedaan gemaakt op %1</translation>
    </message>
    <message>
        <source>redone on %1</source>
        <translation>opnieuw uitgevoerd op %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Open call</source>
        <translation>Open oproep</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>Unknown municipality during the call period</source>
        <translation>Onbekende gemeente tijdens de looptijd van de oproep</translation>
    </message>
    <message>
        <source>Unknown NIS code during the call period</source>
        <translation>Onbekende NIS-code tijdens de looptijd van de oproep</translation>
    </message>
    <message>
        <source>No municipality given</source>
        <translation>Geen gemeente opgegeven</translation>
    </message>
    <message>
        <source>No collaboration given</source>
        <translation>Geen samenwerkingsverband opgegeven</translation>
    </message>
    <message>
        <source>Unknown decision</source>
        <translation>Onbekende beslissing</translation>
    </message>
    <message>
        <source>Not an amount</source>
        <translation>Geen bedrag</translation>
    </message>
    <message>
        <source>Ambiguous amount: three digits after this file&apos;s decimal separator (write it in full, e.g. 85.000,00 or 85000)</source>
        <translation>Dubbelzinnig bedrag: drie cijfers na het decimaalteken van dit bestand (schrijf het voluit, bv. 85.000,00 of 85000)</translation>
    </message>
    <message>
        <source>A year before 2000 or after 2100 (a typing error?)</source>
        <translation>Een jaar vóór 2000 of na 2100 (een tikfout?)</translation>
    </message>
    <message>
        <source>A collaboration&apos;s name needs letters or digits</source>
        <translation>De naam van een samenwerkingsverband heeft letters of cijfers nodig</translation>
    </message>
    <message>
        <source>The name and the NIS code are different municipalities</source>
        <translation>De naam en de NIS-code zijn verschillende gemeenten</translation>
    </message>
    <message>
        <source>The name of a centrumstad, which holds only its own city: give the collaboration a name of its own</source>
        <translation>De naam van een centrumstad, die alleen haar eigen stad omvat: geef het samenwerkingsverband een eigen naam</translation>
    </message>
    <message>
        <source>Amount above € 100 million (a typing error?)</source>
        <translation>Bedrag boven € 100 miljoen (een tikfout?)</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>Geen datum</translation>
    </message>
    <message>
        <source>That day does not exist</source>
        <translation>Die dag bestaat niet</translation>
    </message>
    <message>
        <source>Differs from an earlier row of the same collaboration</source>
        <translation>Verschilt van een eerdere rij van hetzelfde samenwerkingsverband</translation>
    </message>
    <message>
        <source>%1 did not exist yet on the decision date %3: it exists from %2</source>
        <translation>%1 bestond nog niet op de beslissingsdatum %3: de gemeente bestaat pas vanaf %2</translation>
    </message>
    <message>
        <source>; on %3 it was %4: list those instead</source>
        <translation>; op %3 waren dat %4: vermeld die in de plaats</translation>
    </message>
    <message>
        <source>%1 is listed in more than one collaboration: %2</source>
        <translation>%1 staat in meer dan één samenwerkingsverband: %2</translation>
    </message>
    <message>
        <source>%1: approved without an amount</source>
        <translation>%1: goedgekeurd zonder bedrag</translation>
    </message>
    <message>
        <source>%1 is spread over provinces: %2</source>
        <translation>%1 ligt verspreid over provincies: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3 from %4</source>
        <translation>%1: %2 → %3 vanaf %4</translation>
    </message>
    <message>
        <source>%1: decision in the database but not in the file (kept)</source>
        <translation>%1: beslissing staat in de databank maar niet in het bestand (behouden)</translation>
    </message>
    <message>
        <source>%1: the decision date in row %2 has a time (%3); only the date is kept</source>
        <translation>%1: de beslissingsdatum in rij %2 heeft een tijdstip (%3); alleen de datum wordt bewaard</translation>
    </message>
    <message>
        <source>%1: the decision date %2 lies outside the call period (%3 – %4)</source>
        <translation>%1: de beslissingsdatum %2 ligt buiten de looptijd van de oproep (%3 – %4)</translation>
    </message>
    <message>
        <source>%1: no longer approved; regiegebied %2 and its memberships stay (end them under Regiegebieden if they no longer hold)</source>
        <translation>%1: niet langer goedgekeurd; regiegebied %2 en zijn lidmaatschappen blijven (beëindig ze onder Regiegebieden als ze niet meer gelden)</translation>
    </message>
    <message>
        <source>Row %1: totals line skipped (%2)</source>
        <translation>Regel %1: totaallijn overgeslagen (%2)</translation>
    </message>
    <message>
        <source>Row %1: totals line skipped (%2); the amounts of the decisions in the file add up to %3</source>
        <translation>Regel %1: totaallijn overgeslagen (%2); de bedragen van de beslissingen in het bestand tellen op tot %3</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>goedgekeurd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in behandeling</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>Samenwerkingsverband</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>NIS code</source>
        <translation>NIS-code</translation>
    </message>
    <message>
        <source>Lead municipality</source>
        <translation>Trekker</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Datum beslissing</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>beslissing</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>bedrag</translation>
    </message>
    <message>
        <source>annual</source>
        <translation>jaarlijks</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>trekker</translation>
    </message>
    <message>
        <source>members</source>
        <translation>gemeenten</translation>
    </message>
    <message>
        <source>per municipality</source>
        <translation>per gemeente</translation>
    </message>
    <message>
        <source>per collaboration</source>
        <translation>per samenwerkingsverband</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>space</source>
        <translation>spatie</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>werkblad %1</translation>
    </message>
    <message>
        <source>encoding %1 (%2% sure), delimiter %3</source>
        <translation>codering %1 (%2% zeker), scheidingsteken %3</translation>
    </message>
    <message>
        <source>%1 · layout %2 · %3 rows · %4 new, %5 changed, %6 unchanged, %7 skipped</source>
        <translation>%1 · indeling %2 · %3 rijen · %4 nieuw, %5 gewijzigd, %6 ongewijzigd, %7 overgeslagen</translation>
    </message>
    <message>
        <source>Ignored columns: %1</source>
        <translation>Genegeerde kolommen: %1</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>Map the columns</source>
        <translation>Kolommen toewijzen</translation>
    </message>
    <message>
        <source>Use this mapping</source>
        <translation>Deze toewijzing gebruiken</translation>
    </message>
    <message>
        <source>Required columns not recognised: %1. Choose them below.</source>
        <translation>Verplichte kolommen niet herkend: %1. Kies ze hieronder.</translation>
    </message>
    <message>
        <source>The columns used for each part of a decision; change them if needed.</source>
        <translation>De kolommen die voor elk deel van een beslissing gebruikt worden; wijzig ze indien nodig.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Import subsidy decisions…</source>
        <translation>Subsidiebeslissingen &amp;importeren…</translation>
    </message>
</context>
<context>
    <name>OpenCallsWidget</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Indiendatum</translation>
    </message>
    <message>
        <source>The name is empty or already used.</source>
        <translation>De naam is leeg of al in gebruik.</translation>
    </message>
    <message>
        <source>Type a date as dd/mm/yyyy.</source>
        <translation>Typ een datum als dd/mm/jjjj.</translation>
    </message>
    <message>
        <source>New call %1</source>
        <translation>Nieuwe oproep %1</translation>
    </message>
    <message>
        <source>Add open call</source>
        <translation>Open oproep toevoegen</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>Samenwerkingsverband</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Gemeenten</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestie</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincie</translation>
    </message>
    <message>
        <source>Municipalities gained</source>
        <translation>Gemeenten erbij</translation>
    </message>
    <message>
        <source>Municipalities lost</source>
        <translation>Gemeenten eraf</translation>
    </message>
    <message>
        <source>Which municipalities</source>
        <translation>Welke gemeenten</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Coverage effect</source>
        <translation>Effect op de dekking</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Suggestie aanvaarden</translation>
    </message>
    <message>
        <source>Exclude selected rows</source>
        <translation>Geselecteerde rijen uitsluiten</translation>
    </message>
    <message>
        <source>Exclude all rows with errors</source>
        <translation>Alle rijen met fouten uitsluiten</translation>
    </message>
    <message>
        <source>Municipalities under a signed agreement on %1, after the import compared with now:</source>
        <translation>Gemeenten met een ondertekende overeenkomst op %1, na de import vergeleken met nu:</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fouten (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Waarschuwingen (%1)</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <source>Import subsidy decisions…</source>
        <translation>Subsidiebeslissingen importeren…</translation>
    </message>
    <message>
        <source>Import the decisions of an open call from a CSV or Excel file, or drop the file on the window.</source>
        <translation>Importeer de beslissingen van een open oproep uit een CSV- of Excelbestand, of sleep het bestand naar het venster.</translation>
    </message>
</context>
</TS>

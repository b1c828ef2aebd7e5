<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BackupReason</name>
    <message>
        <source>when the file was opened</source>
        <translation>bij het openen van het bestand</translation>
    </message>
    <message>
        <source>during work (every 30 minutes)</source>
        <translation>tijdens het werk (om het half uur)</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>vóór een import</translation>
    </message>
    <message>
        <source>before merging a copy</source>
        <translation>vóór het samenvoegen van een kopie</translation>
    </message>
    <message>
        <source>before restoring a backup</source>
        <translation>vóór het terugzetten van een back-up</translation>
    </message>
    <message>
        <source>before emptying the deleted rows</source>
        <translation>vóór het leegmaken van de verwijderde rijen</translation>
    </message>
    <message>
        <source>before the file was replaced</source>
        <translation>vóór het overschrijven van het bestand</translation>
    </message>
    <message>
        <source>before an update of the file format</source>
        <translation>vóór een update van het bestandsformaat</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
</context>
<context>
    <name>Boundaries</name>
    <message>
        <source>reading</source>
        <translation>lezen</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>controleren</translation>
    </message>
    <message>
        <source>simplifying</source>
        <translation>vereenvoudigen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>%1, … (+%2 more)</source>
        <translation>%1, … (+%2 meer)</translation>
    </message>
    <message>
        <source>%1: %2 features, codes in &apos;%3&apos;, %4</source>
        <translation>%1: %2 objecten, codes in &apos;%3&apos;, %4</translation>
    </message>
    <message>
        <source>fits the municipalities of %1</source>
        <translation>past bij de gemeenten van %1</translation>
    </message>
    <message>
        <source>stored %1 municipalities for %2</source>
        <translation>%1 gemeenten opgeslagen voor %2</translation>
    </message>
    <message>
        <source>%1 codes outside Flanders ignored: %2</source>
        <translation>%1 codes buiten Vlaanderen genegeerd: %2</translation>
    </message>
    <message>
        <source>a 2025 file cannot give the borders of 2019-2024: dates before 2025 show no map</source>
        <translation>een bestand van 2025 kan de grenzen van 2019-2024 niet geven: voor datums vóór 2025 is er geen kaart</translation>
    </message>
    <message>
        <source>no boundaries loaded (load Statbel&apos;s statistical sectors or a municipality file with &apos;sew-desktop boundaries load FILE&apos;)</source>
        <translation>geen grenzen geladen (laad de statistische sectoren van Statbel of een bestand van de gemeenten met &apos;sew-desktop boundaries load BESTAND&apos;)</translation>
    </message>
    <message>
        <source>not stated (file %1)</source>
        <translation>niet vermeld (bestand %1)</translation>
    </message>
    <message>
        <source>as published by whoever published it</source>
        <translation>zoals gepubliceerd door wie het bestand publiceerde</translation>
    </message>
    <message>
        <source>licence as published by %1</source>
        <translation>licentie zoals gepubliceerd door %1</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>bron: %1</translation>
    </message>
    <message>
        <source>licence: %1</source>
        <translation>licentie: %1</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>bestand: %1</translation>
    </message>
    <message>
        <source>sha256: %1</source>
        <translation>sha256: %1</translation>
    </message>
    <message>
        <source>loaded: %1</source>
        <translation>geladen: %1</translation>
    </message>
    <message>
        <source>file period: %1</source>
        <translation>periode van het bestand: %1</translation>
    </message>
    <message>
        <source>coordinate system of the file: %1</source>
        <translation>coördinatenstelsel van het bestand: %1</translation>
    </message>
    <message>
        <source>features in the file: %1</source>
        <translation>objecten in het bestand: %1</translation>
    </message>
    <message>
        <source>%1: %2 municipality shapes</source>
        <translation>%1: %2 gemeentevormen</translation>
    </message>
    <message>
        <source>%1: %2 province shapes</source>
        <translation>%1: %2 provincievormen</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>SEW Desktop: VDAB cooperation agreements and coverage.</source>
        <translation>SEW Desktop: samenwerkingsovereenkomsten van VDAB en hun dekking.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PAD</translation>
    </message>
    <message>
        <source>database file (default: $SEW_DESKTOP_DB, else the file the window used last, else sew.sqlite in the user data folder)</source>
        <translation>databasebestand (standaard: $SEW_DESKTOP_DB, anders het bestand dat het venster laatst gebruikte, anders sew.sqlite in de gebruikersmap met gegevens)</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>toon de versie en stop</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>OPDRACHT</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not available in this build</source>
        <translation>&apos;%1&apos; is niet beschikbaar in deze versie</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>onderbroken</translation>
    </message>
    <message>
        <source>unexpected error (%1): %2</source>
        <translation>onverwachte fout (%1): %2</translation>
    </message>
    <message>
        <source>%1 (no backup found beside it)</source>
        <translation>%1 (er staat geen back-up naast)</translation>
    </message>
    <message>
        <source>%1: the newest good backup is %2 (%3 backups restore %2)</source>
        <translation>%1: de nieuwste goede back-up is %2 (%3 backups restore %2)</translation>
    </message>
    <message>
        <source>load, describe or remove the municipal boundaries of the map</source>
        <translation>de gemeentegrenzen van de kaart laden, beschrijven of verwijderen</translation>
    </message>
    <message>
        <source>load a GeoJSON, zipped Shapefile or GeoPackage of municipalities or of Statbel&apos;s statistical sectors</source>
        <translation>een GeoJSON, gezipte Shapefile of GeoPackage van gemeenten of van de statistische sectoren van Statbel laden</translation>
    </message>
    <message>
        <source>who published the file, for the credit (default for Statbel&apos;s attribute names: Statbel)</source>
        <translation>wie het bestand publiceerde, voor de bronvermelding (standaard bij de attribuutnamen van Statbel: Statbel)</translation>
    </message>
    <message>
        <source>where the loaded boundaries come from</source>
        <translation>waar de geladen grenzen vandaan komen</translation>
    </message>
    <message>
        <source>remove the loaded boundaries</source>
        <translation>de geladen grenzen verwijderen</translation>
    </message>
    <message>
        <source>boundaries not loaded: %1</source>
        <translation>grenzen niet geladen: %1</translation>
    </message>
    <message>
        <source>boundaries removed</source>
        <translation>grenzen verwijderd</translation>
    </message>
    <message>
        <source>no boundaries were loaded</source>
        <translation>er waren geen grenzen geladen</translation>
    </message>
    <message>
        <source>see &apos;%1 --help&apos;</source>
        <translation>zie &apos;%1 --help&apos;</translation>
    </message>
    <message>
        <source>%1: error:</source>
        <translation>%1: fout:</translation>
    </message>
    <message>
        <source>invalid date &apos;%1&apos; (write 17/10/2022 or 2022-10-17)</source>
        <translation>ongeldige datum &apos;%1&apos; (schrijf 17/10/2022 of 2022-10-17)</translation>
    </message>
    <message>
        <source>create a new database with the reference data</source>
        <translation>een nieuwe database met de referentiegegevens maken</translation>
    </message>
    <message>
        <source>write the fictitious demo database</source>
        <translation>de fictieve demodatabase schrijven</translation>
    </message>
    <message>
        <source>overwrite an existing file</source>
        <translation>een bestaand bestand overschrijven</translation>
    </message>
    <message>
        <source>benchmark aid: copy the demo data N times under fresh codes (1 to 300; 100 gives 31,200 codes and 40,000 agreements)</source>
        <translation>hulp bij metingen: de demogegevens N keer kopiëren onder nieuwe codes (1 tot 300; 100 geeft 31.200 codes en 40.000 overeenkomsten)</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>%1 gemaakt</translation>
    </message>
    <message>
        <source>demo database written to %1</source>
        <translation>demodatabase geschreven naar %1</translation>
    </message>
    <message>
        <source>the scale is a whole number from 1 to 300, not %1</source>
        <translation>de schaal is een geheel getal van 1 tot 300, niet %1</translation>
    </message>
    <message>
        <source>file to write</source>
        <translation>te schrijven bestand</translation>
    </message>
    <message>
        <source>language of labels (default: nl)</source>
        <translation>taal van de labels (standaard: nl)</translation>
    </message>
    <message>
        <source>export a chart, the coverage table or the PDF report</source>
        <translation>een grafiek, de dekkingstabel of het PDF-rapport exporteren</translation>
    </message>
    <message>
        <source>a chart as PNG, SVG or PDF</source>
        <translation>een grafiek als PNG, SVG of PDF</translation>
    </message>
    <message>
        <source>which chart (default: provinces)</source>
        <translation>welke grafiek (standaard: provinces)</translation>
    </message>
    <message>
        <source>default: from the file name</source>
        <translation>standaard: volgens de bestandsnaam</translation>
    </message>
    <message>
        <source>width in pixels (default 1600)</source>
        <translation>breedte in pixels (standaard 1600)</translation>
    </message>
    <message>
        <source>height in pixels (default 900)</source>
        <translation>hoogte in pixels (standaard 900)</translation>
    </message>
    <message>
        <source>PNG pixel scale (default 2)</source>
        <translation>pixelschaal van PNG (standaard 2)</translation>
    </message>
    <message>
        <source>the coverage table as CSV or XLSX</source>
        <translation>de dekkingstabel als CSV of XLSX</translation>
    </message>
    <message>
        <source>default: csv-excel</source>
        <translation>standaard: csv-excel</translation>
    </message>
    <message>
        <source>Gemeenten, Regiegebieden or Overeenkomsten as the window lists them</source>
        <translation>Gemeenten, Regiegebieden of Overeenkomsten zoals het venster ze toont</translation>
    </message>
    <message>
        <source>which list</source>
        <translation>welke lijst</translation>
    </message>
    <message>
        <source>default: xlsx for a .xlsx file name, else csv-excel</source>
        <translation>standaard: xlsx voor een bestandsnaam op .xlsx, anders csv-excel</translation>
    </message>
    <message>
        <source>only the rows the window&apos;s filter would show (words, kolom:waarde)</source>
        <translation>alleen de rijen die de filter van het venster zou tonen (woorden, kolom:waarde)</translation>
    </message>
    <message>
        <source>the A4 PDF report (the map on a second page when boundaries are loaded)</source>
        <translation>het PDF-rapport op A4 (de kaart op een tweede pagina als er grenzen geladen zijn)</translation>
    </message>
    <message>
        <source>the status map as PNG, SVG or PDF (needs loaded boundaries)</source>
        <translation>de statuskaart als PNG, SVG of PDF (vraagt geladen grenzen)</translation>
    </message>
    <message>
        <source>colour by the forecast at the horizon</source>
        <translation>kleuren volgens de prognose op de horizon</translation>
    </message>
    <message>
        <source>PNG pixel scale (default 1)</source>
        <translation>pixelschaal van PNG (standaard 1)</translation>
    </message>
    <message>
        <source>import the subsidy decisions of an open call (CSV/XLSX)</source>
        <translation>de subsidiebeslissingen van een open oproep importeren (CSV/XLSX)</translation>
    </message>
    <message>
        <source>name of the open call (see &apos;calls&apos;)</source>
        <translation>naam van de open oproep (zie &apos;calls&apos;)</translation>
    </message>
    <message>
        <source>show the plan, write nothing</source>
        <translation>het plan tonen, niets schrijven</translation>
    </message>
    <message>
        <source>output format (default: text)</source>
        <translation>uitvoerformaat (standaard: text)</translation>
    </message>
    <message>
        <source>workbook sheet (default: the active visible sheet)</source>
        <translation>werkblad (standaard: het actieve zichtbare werkblad)</translation>
    </message>
    <message>
        <source>CSV encoding, e.g. cp1252, mac_roman (default: detected)</source>
        <translation>tekencodering van CSV, bv. cp1252, mac_roman (standaard: herkend)</translation>
    </message>
    <message>
        <source>skip this file row (as a spreadsheet numbers it); repeatable</source>
        <translation>deze rij van het bestand overslaan (zoals een rekenblad ze nummert); herhaalbaar</translation>
    </message>
    <message>
        <source>list the open calls</source>
        <translation>de open oproepen opsommen</translation>
    </message>
    <message>
        <source>a folder, not a file: %1</source>
        <translation>een map, geen bestand: %1</translation>
    </message>
    <message>
        <source>file not found: %1</source>
        <translation>bestand niet gevonden: %1</translation>
    </message>
    <message>
        <source>unknown call &apos;%1&apos; (see &apos;calls&apos;)</source>
        <translation>onbekende oproep &apos;%1&apos; (zie &apos;calls&apos;)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>missing column(s): %1; headers found: %2</source>
        <translation>ontbrekende kolom(men): %1; gevonden kolomkoppen: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> of </translation>
    </message>
    <message>
        <source>cannot tell the encoding of the file: %1; choose one with --encoding</source>
        <translation>de tekencodering van het bestand is niet zeker: %1; kies er een met --encoding</translation>
    </message>
    <message>
        <source>cancelled; nothing was imported</source>
        <translation>geannuleerd; er werd niets geïmporteerd</translation>
    </message>
    <message>
        <source>cannot read the file (details: %1)</source>
        <translation>het bestand kan niet gelezen worden (details: %1)</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>uiterste datum %1</translation>
    </message>
    <message>
        <source>no open calls</source>
        <translation>geen open oproepen</translation>
    </message>
    <message>
        <source>merge another copy of the file into this one (a backup first)</source>
        <translation>een andere kopie van het bestand met dit bestand samenvoegen (eerst een back-up)</translation>
    </message>
    <message>
        <source>the other copy (read, never changed)</source>
        <translation>de andere kopie (wordt gelezen, nooit gewijzigd)</translation>
    </message>
    <message>
        <source>show what would come in and the conflicts</source>
        <translation>tonen wat erbij zou komen, en de conflicten</translation>
    </message>
    <message>
        <source>decide every conflict: keep mine, take theirs, or the newer change</source>
        <translation>elk conflict beslissen: mijn waarde houden, die van de andere kopie nemen, of de recentste wijziging</translation>
    </message>
    <message>
        <source>print the coverage table per province</source>
        <translation>de dekkingstabel per provincie afdrukken</translation>
    </message>
    <message>
        <source>date of the figures (default: today)</source>
        <translation>datum van de cijfers (standaard: vandaag)</translation>
    </message>
    <message>
        <source>forecast horizon (default: 31 December of the as-of year)</source>
        <translation>horizon van de prognose (standaard: 31 december van het jaar van de stand)</translation>
    </message>
    <message>
        <source>the horizon %1 lies before the as-of date %2</source>
        <translation>de horizon %1 ligt vóór de datum van de stand %2</translation>
    </message>
    <message>
        <source>list the change history, newest first</source>
        <translation>de wijzigingsgeschiedenis opsommen, nieuwste eerst</translation>
    </message>
    <message>
        <source>only this kind of row: %(choices)s</source>
        <translation>alleen deze soort rij: %(choices)s</translation>
    </message>
    <message>
        <source>only from this day</source>
        <translation>alleen vanaf deze dag</translation>
    </message>
    <message>
        <source>list or restore the automatic backups</source>
        <translation>de automatische back-ups opsommen of terugzetten</translation>
    </message>
    <message>
        <source>the backups, newest first</source>
        <translation>de back-ups, nieuwste eerst</translation>
    </message>
    <message>
        <source>put a backup back (the current file is backed up first)</source>
        <translation>een back-up terugzetten (eerst een back-up van het huidige bestand)</translation>
    </message>
    <message>
        <source>a file name from &apos;backups list&apos; (or a path)</source>
        <translation>een bestandsnaam uit &apos;backups list&apos; (of een pad)</translation>
    </message>
    <message>
        <source>check the database: integrity, foreign keys and the rules</source>
        <translation>de database controleren: integriteit, verwijzingen en de regels</translation>
    </message>
    <message>
        <source>%1 municipalities, %2 regiegebieden, %3 agreements, %4 decisions</source>
        <translation>%1 gemeenten, %2 regiegebieden, %3 overeenkomsten, %4 beslissingen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>no backups yet</source>
        <translation>nog geen back-ups</translation>
    </message>
    <message>
        <source>no backup named %1 (see &apos;backups list&apos;)</source>
        <translation>geen back-up met de naam %1 (zie &apos;backups list&apos;)</translation>
    </message>
    <message>
        <source>restored %1; the file as it was is in %2</source>
        <translation>%1 teruggezet; het bestand zoals het was, staat in %2</translation>
    </message>
    <message>
        <source>set up the team server (PostgreSQL)</source>
        <translation>de teamserver (PostgreSQL) inrichten</translation>
    </message>
    <message>
        <source>libpq connection string or URI; the password comes from PGPASSFILE, .pgpass or a service file</source>
        <translation>libpq-verbindingstekst of URI; het wachtwoord komt uit PGPASSFILE, .pgpass of een servicebestand</translation>
    </message>
    <message>
        <source>create the team server in an empty database</source>
        <translation>de teamserver aanmaken in een lege databank</translation>
    </message>
    <message>
        <source>seed it with the rows of this SEW Desktop file</source>
        <translation>vullen met de rijen van dit SEW Desktop-bestand</translation>
    </message>
    <message>
        <source>bring the team server to this version of SEW Desktop</source>
        <translation>de teamserver bijwerken naar deze versie van SEW Desktop</translation>
    </message>
    <message>
        <source>add, list or remove team logins</source>
        <translation>teamaanmeldingen toevoegen, tonen of verwijderen</translation>
    </message>
    <message>
        <source>add a login (or change its provinces)</source>
        <translation>een aanmelding toevoegen (of haar provincies wijzigen)</translation>
    </message>
    <message>
        <source>NIS codes of the provinces this login edits</source>
        <translation>NIS-codes van de provincies die deze aanmelding bewerkt</translation>
    </message>
    <message>
        <source>a coordinator edits every province</source>
        <translation>een coördinator bewerkt alle provincies</translation>
    </message>
    <message>
        <source>set the password to this file&apos;s first line</source>
        <translation>het wachtwoord instellen op de eerste regel van dit bestand</translation>
    </message>
    <message>
        <source>the team&apos;s logins</source>
        <translation>de aanmeldingen van het team</translation>
    </message>
    <message>
        <source>remove a login</source>
        <translation>een aanmelding verwijderen</translation>
    </message>
    <message>
        <source>the team server refused: %1</source>
        <translation>de teamserver weigerde: %1</translation>
    </message>
    <message>
        <source>team server created (schema version %1, %2 changes)</source>
        <translation>teamserver aangemaakt (schemaversie %1, %2 wijzigingen)</translation>
    </message>
    <message>
        <source>team server upgraded from schema version %1 to %2</source>
        <translation>teamserver bijgewerkt van schemaversie %1 naar %2</translation>
    </message>
    <message>
        <source>--provinces takes NIS codes of provinces, e.g. 10000,70000</source>
        <translation>--provinces verwacht NIS-codes van provincies, bijvoorbeeld 10000,70000</translation>
    </message>
    <message>
        <source>login %1 added</source>
        <translation>aanmelding %1 toegevoegd</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coördinator</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>bewerker</translation>
    </message>
    <message>
        <source>login %1 removed</source>
        <translation>aanmelding %1 verwijderd</translation>
    </message>
    <message>
        <source>this file is not part of a team (sew-desktop --db FILE team join DSN)</source>
        <translation>dit bestand hoort niet bij een team (sew-desktop --db BESTAND team join DSN)</translation>
    </message>
    <message>
        <source>join, show or leave the team server</source>
        <translation>bij de teamserver aansluiten, de stand tonen of uitstappen</translation>
    </message>
    <message>
        <source>make --db FILE (new) a copy of the team&apos;s data</source>
        <translation>maak van --db BESTAND (nieuw) een kopie van de gegevens van het team</translation>
    </message>
    <message>
        <source>the server (libpq connection string)</source>
        <translation>de server (libpq-verbindingsgegevens)</translation>
    </message>
    <message>
        <source>server, login, last sync, changes waiting</source>
        <translation>server, login, laatste synchronisatie, wachtende wijzigingen</translation>
    </message>
    <message>
        <source>forget the server (the data stay)</source>
        <translation>de server vergeten (de gegevens blijven)</translation>
    </message>
    <message>
        <source>send this file&apos;s changes, then fetch the team&apos;s</source>
        <translation>de wijzigingen van dit bestand versturen en dan die van het team ophalen</translation>
    </message>
    <message>
        <source>name the new file with --db FILE</source>
        <translation>geef het nieuwe bestand op met --db BESTAND</translation>
    </message>
    <message>
        <source>%1 exists: join with a new file, then merge your copy into it (sew-desktop --db NEW merge %1) and sync</source>
        <translation>%1 bestaat al: sluit aan met een nieuw bestand, voeg daar uw kopie in samen (sew-desktop --db NIEUW merge %1) en synchroniseer</translation>
    </message>
    <message>
        <source>%1 joined the team as %2: %3 rows, server at %4</source>
        <translation>%1 is bij het team aangesloten als %2: %3 rijen, server op %4</translation>
    </message>
    <message>
        <source>server %1, login %2, laptop %3
last sync %4 · %5 change(s) waiting · %6 open conflict(s)</source>
        <translation>server %1, login %2, laptop %3
laatste synchronisatie %4 · %5 wijziging(en) wachten · %6 open conflict(en)</translation>
    </message>
    <message>
        <source>left the team; the data stay in the file</source>
        <translation>uit het team gestapt; de gegevens blijven in het bestand</translation>
    </message>
    <message>
        <source>this file is not part of a team</source>
        <translation>dit bestand hoort niet bij een team</translation>
    </message>
    <message>
        <source>sent %1 change(s), received %2; %3 waiting; server at %4</source>
        <translation>%1 wijziging(en) verstuurd, %2 ontvangen; %3 wachten; server op %4</translation>
    </message>
    <message>
        <source>refused: %1 · %2: %3 (%4)</source>
        <translation>geweigerd: %1 · %2: %3 (%4)</translation>
    </message>
    <message>
        <source>conflict: %1 · %2: yours %3, the team&apos;s %4 (%5, %6)</source>
        <translation>conflict: %1 · %2: van u %3, van het team %4 (%5, %6)</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>database is OK: integrity, foreign keys and the rules (memberships, agreements) all pass</source>
        <translation>de database is in orde: integriteit, verwijzingen en de regels (lidmaatschappen, overeenkomsten) kloppen allemaal</translation>
    </message>
    <message>
        <source>storage: %1</source>
        <translation>opslag: %1</translation>
    </message>
</context>
<context>
    <name>Entity</name>
    <message>
        <source>municipality</source>
        <translation>gemeente</translation>
    </message>
    <message>
        <source>regiegebied</source>
        <translation>regiegebied</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>lidmaatschap</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>overeenkomst</translation>
    </message>
    <message>
        <source>open call</source>
        <translation>open oproep</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>beslissing</translation>
    </message>
    <message>
        <source>decision member</source>
        <translation>lid van een beslissing</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>it is a folder</source>
        <translation>het is een map</translation>
    </message>
    <message>
        <source>it is a backup</source>
        <translation>het is een back-up</translation>
    </message>
    <message>
        <source>it is a database</source>
        <translation>het is een database</translation>
    </message>
    <message>
        <source>cannot write %1: %2; choose another file name</source>
        <translation>kan %1 niet schrijven: %2; kies een andere bestandsnaam</translation>
    </message>
    <message>
        <source>%1 already exists (use --force to overwrite)</source>
        <translation>%1 bestaat al (gebruik --force om het te overschrijven)</translation>
    </message>
    <message>
        <source>cannot write %1: folder %2 does not exist</source>
        <translation>kan %1 niet schrijven: de map %2 bestaat niet</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>give --format png|svg|pdf or a file name ending in .png, .svg or .pdf</source>
        <translation>geef --format png|svg|pdf of een bestandsnaam die eindigt op .png, .svg of .pdf</translation>
    </message>
    <message>
        <source>--width must be &gt;= 200, --height &gt;= 150 and --scale between 0.25 and 8</source>
        <translation>--width moet &gt;= 200 zijn, --height &gt;= 150 en --scale tussen 0.25 en 8</translation>
    </message>
    <message>
        <source>written %1</source>
        <translation>%1 geschreven</translation>
    </message>
    <message>
        <source>no boundaries loaded for the municipalities of %1: load a boundary file with &apos;sew-desktop boundaries load FILE&apos;</source>
        <translation>geen grenzen geladen voor de gemeenten van %1: laad een grenzenbestand met &apos;sew-desktop boundaries load BESTAND&apos;</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>added %1: %2</source>
        <translation>%1 toegevoegd: %2</translation>
    </message>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>Merged with copy %1: %2 change(s) of theirs taken over, %3 conflict(s) decided</source>
        <translation>Samengevoegd met kopie %1: %2 wijziging(en) van de andere kopie overgenomen, %3 conflict(en) beslist</translation>
    </message>
    <message>
        <source>merged from %1</source>
        <translation>samengevoegd uit %1</translation>
    </message>
    <message>
        <source>no changes recorded</source>
        <translation>nog geen wijzigingen opgetekend</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>unknown municipality (not valid during the call period)</source>
        <translation>onbekende gemeente (niet geldig tijdens de looptijd van de oproep)</translation>
    </message>
    <message>
        <source>unknown NIS code (not valid during the call period)</source>
        <translation>onbekende NIS-code (niet geldig tijdens de looptijd van de oproep)</translation>
    </message>
    <message>
        <source>no municipality given</source>
        <translation>geen gemeente opgegeven</translation>
    </message>
    <message>
        <source>no collaboration given</source>
        <translation>geen samenwerkingsverband opgegeven</translation>
    </message>
    <message>
        <source>unknown decision (expected e.g. goedgekeurd, afgewezen, in behandeling)</source>
        <translation>onbekende beslissing (verwacht bv. goedgekeurd, afgewezen, in behandeling)</translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation>geen bedrag</translation>
    </message>
    <message>
        <source>ambiguous amount: three digits after this file&apos;s decimal separator (write it in full, e.g. 85.000,00 or 85000)</source>
        <translation>dubbelzinnig bedrag: drie cijfers na het decimaalteken van dit bestand (schrijf het voluit, bv. 85.000,00 of 85000)</translation>
    </message>
    <message>
        <source>a year before 2000 or after 2100 (a typing error?)</source>
        <translation>een jaar vóór 2000 of na 2100 (een tikfout?)</translation>
    </message>
    <message>
        <source>a collaboration&apos;s name needs letters or digits</source>
        <translation>de naam van een samenwerkingsverband heeft letters of cijfers nodig</translation>
    </message>
    <message>
        <source>the name and the NIS code are different municipalities</source>
        <translation>de naam en de NIS-code zijn verschillende gemeenten</translation>
    </message>
    <message>
        <source>the name of a centrumstad, which holds only its own city: give the collaboration a name of its own</source>
        <translation>de naam van een centrumstad, die alleen haar eigen stad omvat: geef het samenwerkingsverband een eigen naam</translation>
    </message>
    <message>
        <source>amount above € 100 million (a typing error?)</source>
        <translation>bedrag boven € 100 miljoen (een tikfout?)</translation>
    </message>
    <message>
        <source>not a date (expected dd/mm/yyyy or yyyy-mm-dd)</source>
        <translation>geen datum (verwacht dd/mm/jjjj of jjjj-mm-dd)</translation>
    </message>
    <message>
        <source>that day does not exist</source>
        <translation>die dag bestaat niet</translation>
    </message>
    <message>
        <source>differs from an earlier row of the same collaboration</source>
        <translation>verschilt van een eerdere rij van hetzelfde samenwerkingsverband</translation>
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
        <source>row %1: totals line skipped (%2)</source>
        <translation>regel %1: totaallijn overgeslagen (%2)</translation>
    </message>
    <message>
        <source>row %1: totals line skipped (%2); the amounts of the decisions in the file add up to %3</source>
        <translation>regel %1: totaallijn overgeslagen (%2); de bedragen van de beslissingen in het bestand tellen op tot %3</translation>
    </message>
    <message>
        <source>per-municipality</source>
        <translation>per gemeente</translation>
    </message>
    <message>
        <source>per-collaboration</source>
        <translation>per samenwerkingsverband</translation>
    </message>
    <message>
        <source>collaboration</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>beslissing</translation>
    </message>
    <message>
        <source>amount_cents</source>
        <translation>bedrag</translation>
    </message>
    <message>
        <source>amount_is_annual</source>
        <translation>jaarlijks</translation>
    </message>
    <message>
        <source>decision_date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>lead_nis</source>
        <translation>trekker</translation>
    </message>
    <message>
        <source>members</source>
        <translation>gemeenten</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>werkblad %1</translation>
    </message>
    <message>
        <source>%1 (%2% sure), delimiter %3</source>
        <translation>codering %1 (%2% zeker), scheidingsteken %3</translation>
    </message>
    <message>
        <source>%1 (%2, layout %3, %4 rows) for &apos;%5&apos;</source>
        <translation>%1 (%2, indeling %3, %4 rijen) voor &apos;%5&apos;</translation>
    </message>
    <message>
        <source>decisions: %1 new, %2 changed, %3 unchanged, %4 skipped</source>
        <translation>beslissingen: %1 nieuw, %2 gewijzigd, %3 ongewijzigd, %4 overgeslagen</translation>
    </message>
    <message>
        <source>changed %1: %2</source>
        <translation>gewijzigd %1: %2</translation>
    </message>
    <message>
        <source>ignored columns: %1</source>
        <translation>genegeerde kolommen: %1</translation>
    </message>
    <message>
        <source> (did you mean: %1?)</source>
        <translation> (bedoelt u: %1?)</translation>
    </message>
    <message>
        <source>error: row %1, column %2, value %3: %4%5</source>
        <translation>fout: rij %1, kolom %2, waarde %3: %4%5</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>waarschuwing: %1</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> op %1</translation>
    </message>
    <message>
        <source>coverage effect%1: %2</source>
        <translation>effect op de dekking%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>  gained in %1: %2</source>
        <translation>  nieuw bereikt in %1: %2</translation>
    </message>
    <message>
        <source>  lost in %1: %2</source>
        <translation>  niet langer bereikt in %1: %2</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>toegepast</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>niets geschreven</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Gebied</translation>
    </message>
    <message>
        <source>Municipalities with SO</source>
        <translation>Gemeenten met SO</translation>
    </message>
    <message>
        <source>Regiegebieden with SO</source>
        <translation>Regiegebieden met SO</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>mine</source>
        <translation>van mij</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>van de andere kopie</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Gemeenten</translation>
    </message>
    <message>
        <source>Regiegebieden</source>
        <translation>Regiegebieden</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Overeenkomsten</translation>
    </message>
    <message>
        <source>Open calls</source>
        <translation>Open oproepen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <source>Decision members</source>
        <translation>Leden van beslissingen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>French name</source>
        <translation>Franse naam</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>VDAB contact</source>
        <translation>VDAB-contact</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Geldig vanaf</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincie</translation>
    </message>
    <message>
        <source>Negotiations started</source>
        <translation>Onderhandeling gestart</translation>
    </message>
    <message>
        <source>Expected signing</source>
        <translation>Verwachte ondertekening</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ondertekend op</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beëindigd op</translation>
    </message>
    <message>
        <source>Regiegebied</source>
        <translation>Regiegebied</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Begin van de periode</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Einde van de periode</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Indiendatum</translation>
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
        <source>changed on both sides</source>
        <translation>aan beide kanten gewijzigd</translation>
    </message>
    <message>
        <source>deleted on one side, changed on the other</source>
        <translation>aan de ene kant verwijderd, aan de andere gewijzigd</translation>
    </message>
    <message>
        <source>only in one copy</source>
        <translation>alleen in één kopie</translation>
    </message>
    <message>
        <source>the merged data break a rule</source>
        <translation>de samengevoegde gegevens breken een regel</translation>
    </message>
    <message>
        <source>not in this copy</source>
        <translation>niet in deze kopie</translation>
    </message>
    <message>
        <source>%1 (%2): mine %3, theirs %4</source>
        <translation>%1 (%2): bij mij %3, in de andere kopie %4</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 en nog %2</translation>
    </message>
    <message>
        <source>(stays, with %1)</source>
        <translation>(blijft, met %1)</translation>
    </message>
    <message>
        <source>needs a choice</source>
        <translation>te kiezen</translation>
    </message>
    <message>
        <source>no common past: every difference is a conflict</source>
        <translation>geen gemeenschappelijk verleden: elk verschil is een conflict</translation>
    </message>
    <message>
        <source>both copies come from the same file</source>
        <translation>beide kopieën komen uit hetzelfde bestand</translation>
    </message>
    <message>
        <source>Merge %1: %2</source>
        <translation>%1 samenvoegen: %2</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 deleted</source>
        <translation>%1: %2 nieuw, %3 gewijzigd, %4 verwijderd</translation>
    </message>
    <message>
        <source>merged: %1 row change(s) written (a backup was taken first)</source>
        <translation>samengevoegd: %1 rijwijziging(en) geschreven (eerst werd een back-up gemaakt)</translation>
    </message>
    <message>
        <source>%1 conflict(s) need a choice: nothing written (choose with --prefer mine|theirs|newer, or in File › Merge another copy…)</source>
        <translation>%1 conflict(en) wachten op een keuze: niets geschreven (kies met --prefer mine|theirs|newer, of in Bestand › Andere kopie samenvoegen…)</translation>
    </message>
    <message>
        <source>dry run: %1 row change(s) would be written</source>
        <translation>proefrun: %1 rijwijziging(en) zouden geschreven worden</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The signing date lies before the start of the negotiations.</source>
        <translation>De datum van ondertekening ligt vóór de start van de onderhandelingen.</translation>
    </message>
    <message>
        <source>The end date lies before the signing date.</source>
        <translation>De einddatum ligt vóór de datum van ondertekening.</translation>
    </message>
    <message>
        <source>The end date lies before the start of the negotiations.</source>
        <translation>De einddatum ligt vóór de start van de onderhandelingen.</translation>
    </message>
    <message>
        <source>The expected signing date lies before the start of the negotiations.</source>
        <translation>De verwachte ondertekening ligt vóór de start van de onderhandelingen.</translation>
    </message>
    <message>
        <source>&apos;Valid to&apos; lies before &apos;valid from&apos;.</source>
        <translation>&apos;Geldig tot&apos; ligt vóór &apos;geldig vanaf&apos;.</translation>
    </message>
    <message>
        <source>The name may not be empty.</source>
        <translation>De naam mag niet leeg zijn.</translation>
    </message>
    <message>
        <source>A NIS code has five digits.</source>
        <translation>Een NIS-code heeft vijf cijfers.</translation>
    </message>
    <message>
        <source>This NIS code already exists.</source>
        <translation>Deze NIS-code bestaat al.</translation>
    </message>
    <message>
        <source>The partner does not exist on these dates.</source>
        <translation>De partner bestaat niet op deze datums.</translation>
    </message>
    <message>
        <source>The municipality already belongs to a regiegebied on these dates.</source>
        <translation>De gemeente hoort op die datums al bij een regiegebied.</translation>
    </message>
    <message>
        <source>The partner would then not exist on the dates of one of its agreements. Change the agreement first.</source>
        <translation>De partner bestaat dan niet op de datums van een van zijn overeenkomsten. Pas eerst de overeenkomst aan.</translation>
    </message>
    <message>
        <source>The municipality does not exist on the day this membership starts.</source>
        <translation>De gemeente bestaat niet op de dag waarop dit lidmaatschap begint.</translation>
    </message>
    <message>
        <source>A cell holds at most 10,000 characters; keep long texts in a document and refer to it.</source>
        <translation>Een cel bevat hoogstens 10.000 tekens; bewaar lange teksten in een document en verwijs ernaar.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>VDAB cooperation agreements - as of %1, forecast %2</source>
        <translation>Samenwerkingsovereenkomsten VDAB - stand op %1, prognose %2</translation>
    </message>
    <message>
        <source>As of %1, forecast %2</source>
        <translation>Stand op %1, prognose %2</translation>
    </message>
</context>
<context>
    <name>StatusMap</name>
    <message>
        <source>The file cannot be read (%2).</source>
        <translation>Het bestand kan niet worden gelezen (%2).</translation>
    </message>
    <message>
        <source>Choose a GeoJSON file (.geojson), a zipped Shapefile (.zip) or a GeoPackage (.gpkg).</source>
        <translation>Kies een GeoJSON-bestand (.geojson), een gezipte Shapefile (.zip) of een GeoPackage (.gpkg).</translation>
    </message>
    <message>
        <source>No attribute holds the municipality&apos;s NIS code (such as CD_MUNTY_REFNIS or niscode). Attributes found: %1.</source>
        <translation>Geen enkel attribuut bevat de NIS-code van de gemeente (zoals CD_MUNTY_REFNIS of niscode). Gevonden attributen: %1.</translation>
    </message>
    <message>
        <source>The coordinate system %1 is not supported: use Lambert 72 (EPSG:31370), Lambert 2008 (EPSG:3812) or WGS84 (EPSG:4326).</source>
        <translation>Het coördinatenstelsel %1 wordt niet ondersteund: gebruik Lambert 72 (EPSG:31370), Lambert 2008 (EPSG:3812) of WGS84 (EPSG:4326).</translation>
    </message>
    <message>
        <source>The coordinates do not lie in Belgium in the coordinate system the file names (%1).</source>
        <translation>De coördinaten liggen niet in België in het coördinatenstelsel dat het bestand opgeeft (%1).</translation>
    </message>
    <message>
        <source>None of the %1 codes in attribute %2 is a Flemish municipality (Brussels or Wallonia only?).</source>
        <translation>Geen van de %1 codes in attribuut %2 is een Vlaamse gemeente (alleen Brussel of Wallonië?).</translation>
    </message>
    <message>
        <source>The codes fit neither the 300 municipalities of 2019–2024 nor the 285 since 2025. Closest: %1; missing: %2; of the other period: %3.</source>
        <translation>De codes passen niet bij de 300 gemeenten van 2019–2024 en ook niet bij de 285 sinds 2025. Dichtst bij: %1; ontbrekend: %2; van de andere periode: %3.</translation>
    </message>
    <message>
        <source>Unreadable or empty shapes for: %1.</source>
        <translation>Onleesbare of lege vormen voor: %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>database not found: %1</source>
        <translation>database niet gevonden: %1</translation>
    </message>
    <message>
        <source>not an SQLite database: %1</source>
        <translation>geen SQLite-database: %1</translation>
    </message>
    <message>
        <source>a database of another program, not of SEW Desktop: %1</source>
        <translation>een database van een ander programma, niet van SEW Desktop: %1</translation>
    </message>
    <message>
        <source>cannot read database %1: %2</source>
        <translation>database %1 kan niet gelezen worden: %2</translation>
    </message>
    <message>
        <source>database is read-only: %1</source>
        <translation>de database is alleen-lezen: %1</translation>
    </message>
    <message>
        <source>database is locked by another program: %1</source>
        <translation>de database is vergrendeld door een ander programma: %1</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>de database</translation>
    </message>
    <message>
        <source>could not write to %1: %2</source>
        <translation>kon niet schrijven naar %1: %2</translation>
    </message>
    <message>
        <source>database %1 was written by a newer version of SEW Desktop (unknown migrations: %2); it was not modified</source>
        <translation>database %1 werd geschreven door een nieuwere versie van SEW Desktop (onbekende migraties: %2); ze werd niet gewijzigd</translation>
    </message>
    <message>
        <source>%1 is refused: %2</source>
        <translation>%1 wordt geweigerd: %2</translation>
    </message>
    <message>
        <source>file already exists: %1 (use --force to overwrite)</source>
        <translation>het bestand bestaat al: %1 (gebruik --force om te overschrijven)</translation>
    </message>
    <message>
        <source>database %1 is damaged (%2); it was not modified — restore a backup</source>
        <translation>database %1 is beschadigd (%2); ze werd niet gewijzigd — zet een back-up terug</translation>
    </message>
    <message>
        <source>another program removed %1 while the file was open; nothing more is written to it</source>
        <translation>een ander programma verwijderde %1 terwijl het bestand open was; er wordt niets meer naar geschreven</translation>
    </message>
    <message>
        <source>%1 %2 was changed by another program or window (%3); nothing was overwritten</source>
        <translation>%1 %2 werd gewijzigd door een ander programma of venster (%3); er werd niets overschreven</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>gebruik: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumenten</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opties</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>toon deze hulp en stop</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>onbekende opdracht %(parser_name)r (keuzes: %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>kan &apos;%(filename)s&apos; niet openen: %(error)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>onbekende argumenten: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>niet toegestaan samen met argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>genegeerd expliciet argument %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>deze argumenten zijn verplicht: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>een van de argumenten %s is verplicht</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>verwachtte één argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>verwachtte hoogstens één argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>verwachtte minstens één argument</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>verwachtte %s argument</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>verwachtte %s argumenten</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>dubbelzinnige optie: %(option)s kan passen bij %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>onverwachte optie: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ongeldige waarde voor %(type)s: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ongeldige keuze: %(value)r (kies uit %(choices)s)</translation>
    </message>
</context>
</TS>

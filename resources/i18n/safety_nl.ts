<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Rescue</name>
    <message>
        <source>Another program removed the working files of %1 (%2) while this window had it open. To keep the file from being damaged, this window saves nothing more to it.</source>
        <translation>Een ander programma heeft de werkbestanden van %1 (%2) verwijderd terwijl dit venster het bestand open had. Om het bestand niet te beschadigen, slaat dit venster er niets meer in op.</translation>
    </message>
    <message>
        <source>A copy of what this window shows could not be saved. Close the window and open the file again.</source>
        <translation>Een kopie van wat dit venster toont, kon niet worden bewaard. Sluit het venster en open het bestand opnieuw.</translation>
    </message>
    <message>
        <source>What this window shows is saved in %1.</source>
        <translation>Wat dit venster toont, is bewaard in %1.</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found damage in that copy: check it before you use it.</source>
        <translation>De controle van SQLite vond schade in die kopie: controleer ze voor u ze gebruikt.</translation>
    </message>
    <message>
        <source>Open that copy to go on working; File › Merge another copy… then brings in what other programs stored in %1 meanwhile. Open the copy now?</source>
        <translation>Open die kopie om verder te werken; met Bestand › Andere kopie samenvoegen… haalt u daarna binnen wat andere programma&apos;s intussen in %1 hebben opgeslagen. Wilt u de kopie nu openen?</translation>
    </message>
    <message>
        <source>Read-only: the file was changed under this window</source>
        <translation>Alleen lezen: het bestand is buiten dit venster om gewijzigd</translation>
    </message>
    <message>
        <source>This window no longer saves</source>
        <translation>Dit venster slaat niets meer op</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Restore from backup</source>
        <translation>Herstellen uit back-up</translation>
    </message>
    <message>
        <source>The current file is backed up first, so a restore can be undone by restoring that backup.</source>
        <translation>Van het huidige bestand wordt eerst een back-up gemaakt: u kunt het herstellen ongedaan maken door die back-up terug te zetten.</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
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
        <source>Agreements</source>
        <translation>Overeenkomsten</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Terugzetten</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>No problems found: the file is intact, every link points to an existing row and the rules hold (one regiegebied per municipality per day, agreement dates in order, partners exist).</source>
        <translation>Geen problemen gevonden: het bestand is intact, elke verwijzing wijst naar een bestaande rij en de regels kloppen (één regiegebied per gemeente per dag, data van overeenkomsten in de juiste volgorde, partners bestaan).</translation>
    </message>
    <message>
        <source>Problems found: %1</source>
        <translation>Gevonden problemen: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <source>Select a row to see its changes.</source>
        <translation>Selecteer een rij om de wijzigingen ervan te zien.</translation>
    </message>
    <message>
        <source>&amp;Restore this value</source>
        <translation>Deze waarde &amp;terugzetten</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Oud → nieuw</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Changes of %1, newest first</source>
        <translation>Wijzigingen van %1, nieuwste eerst</translation>
    </message>
    <message>
        <source>This value cannot be restored: it breaks a rule now.</source>
        <translation>Deze waarde kan niet worden teruggezet: ze breekt nu een regel.</translation>
    </message>
    <message>
        <source>Restore %1 of %2</source>
        <translation>%1 van %2 terugzetten</translation>
    </message>
    <message>
        <source>Row history</source>
        <translation>Geschiedenis van de rij</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Herstellen uit &amp;back-up…</translation>
    </message>
    <message>
        <source>C&amp;heck database</source>
        <translation>Database &amp;controleren</translation>
    </message>
    <message>
        <source>&amp;Your name in the history…</source>
        <translation>U&amp;w naam in de geschiedenis…</translation>
    </message>
    <message>
        <source>Second backup &amp;folder…</source>
        <translation>Tweede &amp;map voor back-ups…</translation>
    </message>
    <message>
        <source>Deleted &amp;rows…</source>
        <translation>Verwijderde &amp;rijen…</translation>
    </message>
    <message>
        <source>History of this &amp;row</source>
        <translation>Geschiedenis van deze &amp;rij</translation>
    </message>
    <message>
        <source>The automatic backup failed (%1). Your data are safe; check the disk.</source>
        <translation>De automatische back-up is mislukt (%1). Uw gegevens zijn veilig; controleer de schijf.</translation>
    </message>
    <message>
        <source>Replace the data by the backup &apos;%1&apos;? The current file is backed up first.</source>
        <translation>De gegevens vervangen door de back-up &apos;%1&apos;? Van het huidige bestand wordt eerst een back-up gemaakt.</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>Tweede map voor back-ups</translation>
    </message>
    <message>
        <source>The backup could not be restored; the file is as it was (%1).</source>
        <translation>De back-up kon niet worden teruggezet; het bestand is ongewijzigd (%1).</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Herstellen mislukt</translation>
    </message>
    <message>
        <source>Backup restored. To undo, restore &apos;%1&apos;.</source>
        <translation>Back-up teruggezet. Zet &apos;%1&apos; terug om dit ongedaan te maken.</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Database controleren</translation>
    </message>
    <message>
        <source>Your name in the history</source>
        <translation>Uw naam in de geschiedenis</translation>
    </message>
    <message>
        <source>Name shown with your changes:</source>
        <translation>Naam bij uw wijzigingen:</translation>
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
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>regiegebied</source>
        <translation>regiegebied</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>overeenkomst</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>lidmaatschap</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>gemeente</translation>
    </message>
    <message>
        <source>open call</source>
        <translation>oproep</translation>
    </message>
    <message>
        <source>Deleted rows</source>
        <translation>Verwijderde rijen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd op</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Went with it</source>
        <translation>Mee verwijderd</translation>
    </message>
    <message>
        <source>&amp;Empty the trash…</source>
        <translation>Prullenbak &amp;leegmaken…</translation>
    </message>
    <message>
        <source>linked rows: %1</source>
        <translation>gekoppelde rijen: %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 terugzetten</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Terugzetten niet mogelijk</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation>%1 kan niet worden teruggezet: %2</translation>
    </message>
    <message>
        <source>Empty the trash</source>
        <translation>Prullenbak leegmaken</translation>
    </message>
    <message>
        <source>Remove the deleted rows for good? A backup is taken first.</source>
        <translation>De verwijderde rijen definitief wissen? Er wordt eerst een back-up gemaakt.</translation>
    </message>
    <message>
        <source>Another program changed this file: the window shows the new data.</source>
        <translation>Een ander programma heeft dit bestand gewijzigd: het venster toont de nieuwe gegevens.</translation>
    </message>
    <message>
        <source>Waiting for another program…</source>
        <translation>Wachten op een ander programma…</translation>
    </message>
</context>
</TS>

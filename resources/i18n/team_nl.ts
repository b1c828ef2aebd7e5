<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Team</name>
    <message>
        <source>Apply mine again: %1 · %2</source>
        <translation>Mijn waarde opnieuw toepassen: %1 · %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Uw waarde</translation>
    </message>
    <message>
        <source>The team's value</source>
        <translation>Waarde van het team</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Gewijzigd door</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>&amp;Apply mine again</source>
        <translation>Mijn waarde &amp;opnieuw toepassen</translation>
    </message>
    <message>
        <source>Accept the &amp;team's</source>
        <translation>Die van het &amp;team aanvaarden</translation>
    </message>
    <message>
        <source>No conflicts: everything you changed reached the team.</source>
        <translation>Geen conflicten: alles wat u wijzigde, heeft het team bereikt.</translation>
    </message>
    <message>
        <source>The team kept another value for these changes, or refused them. Apply yours again on purpose, or accept the team's.</source>
        <translation>Het team hield voor deze wijzigingen een andere waarde aan, of weigerde ze. Pas uw waarde bewust opnieuw toe, of aanvaard die van het team.</translation>
    </message>
    <message>
        <source>SEW Desktop keeps no password. Your password comes from where PostgreSQL looks for it: the file .pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or a service file your IT department gives you; with Kerberos you need none.</source>
        <translation>SEW Desktop bewaart geen wachtwoord. Uw wachtwoord komt van waar PostgreSQL het zoekt: het bestand .pgpass (op Windows %APPDATA%\postgresql\pgpass.conf) of een servicebestand dat uw IT-dienst u geeft; met Kerberos hebt u er geen nodig.</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>This file is not part of a team. To work with your team, join its server with a new file: it receives the team's data and keeps working offline.</source>
        <translation>Dit bestand maakt geen deel uit van een team. Om met uw team samen te werken, sluit u aan bij de server van het team met een nieuw bestand: het krijgt de gegevens van het team en blijft ook offline werken.</translation>
    </message>
    <message>
        <source>&amp;Join with a new file…</source>
        <translation>&amp;Aansluiten met een nieuw bestand…</translation>
    </message>
    <message>
        <source>&amp;Server (connection string):</source>
        <translation>&amp;Server (verbindingsreeks):</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Deze laptop:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Laatste synchronisatie:</translation>
    </message>
    <message>
        <source>Changes waiting:</source>
        <translation>Wachtende wijzigingen:</translation>
    </message>
    <message>
        <source>Open conflicts:</source>
        <translation>Open conflicten:</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Nu s&amp;ynchroniseren</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflicten…</translation>
    </message>
    <message>
        <source>&amp;Leave the team…</source>
        <translation>Team &amp;verlaten…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>Team conflicts</source>
        <translation>Teamconflicten</translation>
    </message>
    <message>
        <source>Te&amp;am server…</source>
        <translation>Teamser&amp;ver…</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>Nu s&amp;ynchroniseren</translation>
    </message>
    <message>
        <source>Team server: click to see the conflicts (F9 synchronises now)</source>
        <translation>Teamserver: klik om de conflicten te zien (F9 synchroniseert nu)</translation>
    </message>
    <message>
        <source>The team server cannot be reached (%1). Your changes are kept and sent at the next sync.</source>
        <translation>De teamserver is niet bereikbaar (%1). Uw wijzigingen blijven bewaard en worden bij de volgende synchronisatie verstuurd.</translation>
    </message>
    <message>
        <source>Team server: %1</source>
        <translation>Teamserver: %1</translation>
    </message>
    <message>
        <source>Leave the team</source>
        <translation>Team verlaten</translation>
    </message>
    <message>
        <source>Stop working with the team server? The data stay in this file, but your changes no longer reach the team and theirs no longer reach you.</source>
        <translation>Niet langer met de teamserver werken? De gegevens blijven in dit bestand, maar uw wijzigingen bereiken het team niet meer en die van het team bereiken u niet meer.</translation>
    </message>
    <message>
        <source>Cannot leave the team</source>
        <translation>Kan het team niet verlaten</translation>
    </message>
    <message>
        <source>Cannot apply your value</source>
        <translation>Kan uw waarde niet toepassen</translation>
    </message>
    <message>
        <source>Cannot settle the conflicts</source>
        <translation>Kan de conflicten niet afhandelen</translation>
    </message>
    <message>
        <source>New file for the team</source>
        <translation>Nieuw bestand voor het team</translation>
    </message>
    <message>
        <source>Cannot join the team</source>
        <translation>Kan niet aansluiten bij het team</translation>
    </message>
    <message>
        <source>'%1' exists already: joining needs a new file.</source>
        <translation>'%1' bestaat al: aansluiten vraagt een nieuw bestand.</translation>
    </message>
    <message>
        <source>Joining the team…</source>
        <translation>Aansluiten bij het team…</translation>
    </message>
    <message>
        <source>Joined the team</source>
        <translation>Aangesloten bij het team</translation>
    </message>
    <message>
        <source>'%1' now holds the team's data. Open it now?</source>
        <translation>'%1' bevat nu de gegevens van het team. Wilt u het nu openen?</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation>Gesynchroniseerd om %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation><numerusform>%n wijziging wacht</numerusform><numerusform>%n wijzigingen wachten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n conflict</numerusform><numerusform>%n conflicten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s)</source>
        <translation><numerusform>%n geweigerde wijziging</numerusform><numerusform>%n geweigerde wijzigingen</numerusform></translation>
    </message>
    <message>
        <source>(whole row)</source>
        <translation>(hele rij)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
</context>
</TS>
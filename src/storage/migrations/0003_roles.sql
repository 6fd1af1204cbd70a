-- Roles and their permissions (module.action). Record scoping (sections, assignment, restricted
-- categories, break-the-glass) is applied inside the use cases on top of these.
INSERT INTO roles (code, name, description) VALUES
 ('administrator', 'Administrator', 'Użytkownicy, konfiguracja i organizacja; bez dostępu do treści spraw.'),
 ('dyrektor', 'Dyrektor', 'Kierownictwo ośrodka: wgląd we wszystkie sprawy, dziennik audytu, statystyki.'),
 ('kierownik', 'Kierownik sekcji', 'Sprawy i pracownicy swoich sekcji, przydział spraw.'),
 ('pracownik', 'Pracownik socjalny', 'Sprawy środowisk swojej sekcji i przydzielone sobie.'),
 ('asystent', 'Asystent rodziny', 'Rodziny przydzielone asystentowi.'),
 ('swiadczenia', 'Pracownik ds. świadczeń', 'Decyzje i wypłaty świadczeń we wszystkich sekcjach.'),
 ('analityk', 'Analityk', 'Wyłącznie dane zagregowane, bez danych osobowych.'),
 ('partner', 'Partner (realizator)', 'Instytucja zewnętrzna: wartości wskaźników własnych zadań programu.');

INSERT INTO role_permissions (role, permission) VALUES
 ('administrator', 'users.manage'), ('administrator', 'org.read'), ('administrator', 'org.write'),
 ('administrator', 'audit.read'), ('administrator', 'tokens.own'),
 ('dyrektor', 'org.read'), ('dyrektor', 'org.write'), ('dyrektor', 'audit.read'), ('dyrektor', 'cases.read'),
 ('dyrektor', 'cases.scope_all'), ('dyrektor', 'stats.read'), ('dyrektor', 'tokens.own'),
 ('kierownik', 'org.read'), ('kierownik', 'cases.read'), ('kierownik', 'cases.write'), ('kierownik', 'stats.read'),
 ('kierownik', 'tokens.own'),
 ('pracownik', 'org.read'), ('pracownik', 'cases.read'), ('pracownik', 'cases.write'), ('pracownik', 'tokens.own'),
 ('asystent', 'org.read'), ('asystent', 'cases.read'), ('asystent', 'cases.write'), ('asystent', 'tokens.own'),
 ('swiadczenia', 'org.read'), ('swiadczenia', 'cases.read'), ('swiadczenia', 'cases.scope_all'),
 ('swiadczenia', 'tokens.own'),
 ('analityk', 'stats.read'), ('analityk', 'tokens.own'),
 ('partner', 'indicators.write'), ('partner', 'tokens.own');

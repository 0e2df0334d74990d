-- schema.sql — the centre's PostgreSQL schema, version 1 (issue #12). Embedded into the
-- program (central_schema.h is generated from it at build time) and applied by
-- `mfc-trainer central init` in one transaction; later versions append their own steps, each
-- after a line "-- @@ schema N" (central_init runs the steps a centre has not had yet).
--
-- Least privilege: an office's login role is a member of mfc_office and is mapped to its office
-- in mfc.office_roles. It may INSERT journal entries, chain heads, trainee profiles, enrolments
-- and audit reports for its own installations, and SELECT its own office's roster: nothing
-- else. Everything derived (attempts, criteria, summaries, the public hash chain, the audit of
-- gaps and rollbacks) is written by SECURITY DEFINER triggers owned by the schema's owner, in
-- the same transaction as the rows. Managers (mfc_manager) read everything.
CREATE SCHEMA mfc;
CREATE TABLE mfc.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE mfc.offices (
  code text PRIMARY KEY, region text NOT NULL DEFAULT '', name text NOT NULL DEFAULT '');
CREATE TABLE mfc.office_roles (role name PRIMARY KEY, office text NOT NULL REFERENCES mfc.offices);
CREATE TABLE mfc.installations (
  id uuid PRIMARY KEY, office text NOT NULL REFERENCES mfc.offices, public_key text NOT NULL,
  host text, enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_n bigint NOT NULL DEFAULT 0, last_hash text NOT NULL DEFAULT '',
  last_sync timestamptz, reported_head bigint NOT NULL DEFAULT 0);
CREATE TABLE mfc.enrolments (
  installation uuid NOT NULL, office text NOT NULL, public_key text NOT NULL, host text);
CREATE TABLE mfc.roster (
  office text NOT NULL REFERENCES mfc.offices, personnel text NOT NULL,
  surname text NOT NULL, name text NOT NULL, patronymic text NOT NULL DEFAULT '',
  PRIMARY KEY (office, personnel));
-- A trainee of the region: an office and a personnel number. status: 'roster' (listed, no
-- result yet), 'matched' (results match the roster), 'unknown' (not on the roster),
-- 'mismatch' (on the roster under another name).
CREATE TABLE mfc.trainees (
  id bigserial PRIMARY KEY, office text NOT NULL, personnel text NOT NULL,
  surname text NOT NULL, name text NOT NULL, patronymic text NOT NULL DEFAULT '',
  status text NOT NULL, UNIQUE (office, personnel));
CREATE TABLE mfc.profiles (
  installation uuid NOT NULL, personnel text NOT NULL, surname text NOT NULL,
  name text NOT NULL, patronymic text NOT NULL DEFAULT '');
CREATE TABLE mfc.entries (
  installation uuid NOT NULL, n bigint NOT NULL, kind text NOT NULL, attempt text NOT NULL,
  seq integer NOT NULL, digest text NOT NULL, mac text NOT NULL, canon bytea,
  intact boolean NOT NULL, hash text NOT NULL DEFAULT '', office text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (installation, n));
CREATE INDEX entries_by_attempt ON mfc.entries (attempt);
CREATE TABLE mfc.heads (
  installation uuid NOT NULL, n bigint NOT NULL, hash text NOT NULL, sig text NOT NULL,
  via text NOT NULL DEFAULT 'sync', office text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (installation, n, hash));
CREATE TABLE mfc.audit (
  id bigserial PRIMARY KEY, installation uuid, office text NOT NULL DEFAULT '', kind text NOT NULL,
  n bigint NOT NULL DEFAULT 0, attempt text NOT NULL DEFAULT '', detail text NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE mfc.attempts (
  id text PRIMARY KEY, installation uuid NOT NULL, office text NOT NULL, trainee_id bigint,
  local_trainee bigint, scenario text NOT NULL, version text, mode text, started_at text,
  finished boolean NOT NULL DEFAULT false, outcome text, total integer, passed boolean,
  ended_at text, title text);
CREATE INDEX attempts_by_office ON mfc.attempts (office, started_at);
CREATE INDEX attempts_by_trainee ON mfc.attempts (trainee_id);
CREATE TABLE mfc.criteria (
  attempt text NOT NULL, criterion text NOT NULL, title text, score integer NOT NULL,
  max integer NOT NULL, PRIMARY KEY (attempt, criterion));
-- Running summaries, updated with the rows.
CREATE TABLE mfc.sum_office (
  office text PRIMARY KEY, attempts bigint NOT NULL DEFAULT 0, finished bigint NOT NULL DEFAULT 0,
  passed bigint NOT NULL DEFAULT 0, sum_total bigint NOT NULL DEFAULT 0);
CREATE TABLE mfc.sum_scenario (
  office text NOT NULL, scenario text NOT NULL, attempts bigint NOT NULL DEFAULT 0,
  finished bigint NOT NULL DEFAULT 0, passed bigint NOT NULL DEFAULT 0,
  sum_total bigint NOT NULL DEFAULT 0, PRIMARY KEY (office, scenario));
CREATE TABLE mfc.sum_trainee (
  trainee_id bigint PRIMARY KEY, attempts bigint NOT NULL DEFAULT 0,
  finished bigint NOT NULL DEFAULT 0, passed bigint NOT NULL DEFAULT 0,
  sum_total bigint NOT NULL DEFAULT 0);
CREATE TABLE mfc.sum_criterion (
  office text NOT NULL, criterion text NOT NULL, title text, n bigint NOT NULL DEFAULT 0,
  score_sum bigint NOT NULL DEFAULT 0, max_sum bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (office, criterion));

-- Per region: the offices' running summaries added up (a region has tens of offices, so this
-- reads tens of rows, never the attempts).
CREATE VIEW mfc.sum_region AS
  SELECT o.region, count(*) AS offices, sum(s.attempts) AS attempts, sum(s.finished) AS finished,
         sum(s.passed) AS passed, sum(s.sum_total) AS sum_total
  FROM mfc.offices o JOIN mfc.sum_office s ON s.office = o.code GROUP BY o.region;

-- The office of the connected login role (NULL for the owner and managers).
CREATE FUNCTION mfc.my_office() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = mfc, pg_temp
  AS $$ SELECT office FROM mfc.office_roles WHERE role = session_user $$;

-- The fields of one canonical row (0x1F-separated, 0x01 for NULL; see engine/store/chain.c).
CREATE FUNCTION mfc.fields(r text) RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT array_agg(CASE WHEN f = chr(1) THEN NULL ELSE f END ORDER BY i)
        FROM unnest(string_to_array(r, chr(31))) WITH ORDINALITY AS u(f, i) $$;

CREATE FUNCTION mfc.audit_once(inst uuid, off text, k text, num bigint, att text, msg text)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
  INSERT INTO mfc.audit(installation, office, kind, n, attempt, detail)
  SELECT inst, off, k, num, att, msg WHERE NOT EXISTS
    (SELECT 1 FROM mfc.audit WHERE installation = inst AND kind = k AND n = num AND detail = msg) $$;

-- The installation, checked against the caller's office.
CREATE FUNCTION mfc.own_installation(inst uuid) RETURNS mfc.installations LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations; mine text := mfc.my_office();
BEGIN
  SELECT * INTO r FROM mfc.installations WHERE id = inst FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'установка % не зарегистрирована в центре: выполните mfc-trainer enrol', inst;
  END IF;
  IF mine IS NOT NULL AND r.office <> mine THEN
    RAISE EXCEPTION 'установка % принадлежит офису %, а вход выполнен ролью офиса %', inst, r.office, mine;
  END IF;
  RETURN r;
END $$;

CREATE FUNCTION mfc.enrolment_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations; mine text := mfc.my_office();
BEGIN
  IF mine IS NOT NULL AND NEW.office <> mine THEN
    RAISE EXCEPTION 'роль офиса % не может зарегистрировать установку офиса %', mine, NEW.office;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM mfc.offices WHERE code = NEW.office) THEN
    RAISE EXCEPTION 'офиса % нет в центре: попросите администратора центра добавить его', NEW.office;
  END IF;
  SELECT * INTO r FROM mfc.installations WHERE id = NEW.installation;
  IF FOUND THEN
    IF r.public_key <> NEW.public_key OR r.office <> NEW.office THEN
      RAISE EXCEPTION 'установка % уже зарегистрирована (офис %) с другим ключом или офисом', NEW.installation, r.office;
    END IF;
    RETURN NULL;
  END IF;
  INSERT INTO mfc.installations(id, office, public_key, host)
    VALUES (NEW.installation, NEW.office, NEW.public_key, NEW.host);
  RETURN NULL;
END $$;
CREATE TRIGGER enrolment_in BEFORE INSERT ON mfc.enrolments FOR EACH ROW EXECUTE FUNCTION mfc.enrolment_in();

-- A trainee of the region by office and personnel number, classified against the roster.
CREATE FUNCTION mfc.trainee_of(off text, pers text, sn text, nm text, pt text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
DECLARE tid bigint; ro mfc.roster; st text;
BEGIN
  SELECT * INTO ro FROM mfc.roster WHERE office = off AND personnel = pers;
  st := CASE WHEN NOT FOUND THEN 'unknown'
             WHEN ro.surname = sn AND ro.name = nm AND (pt = '' OR ro.patronymic = pt) THEN 'matched'
             ELSE 'mismatch' END;
  SELECT id INTO tid FROM mfc.trainees WHERE office = off AND personnel = pers;
  IF FOUND THEN
    UPDATE mfc.trainees SET status = st WHERE id = tid AND status IN ('roster', 'unknown');
    RETURN tid;
  END IF;
  INSERT INTO mfc.trainees(office, personnel, surname, name, patronymic, status)
    VALUES (off, pers, sn, nm, coalesce(pt, ''), st) RETURNING id INTO tid;
  RETURN tid;
END $$;

CREATE FUNCTION mfc.profile_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations := mfc.own_installation(NEW.installation);
BEGIN
  PERFORM mfc.trainee_of(r.office, NEW.personnel, NEW.surname, NEW.name, NEW.patronymic);
  UPDATE mfc.trainees SET patronymic = NEW.patronymic
    WHERE office = r.office AND personnel = NEW.personnel AND patronymic = '';
  RETURN NULL;
END $$;
CREATE TRIGGER profile_in BEFORE INSERT ON mfc.profiles FOR EACH ROW EXECUTE FUNCTION mfc.profile_in();

CREATE FUNCTION mfc.roster_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
BEGIN
  INSERT INTO mfc.trainees(office, personnel, surname, name, patronymic, status)
    VALUES (NEW.office, NEW.personnel, NEW.surname, NEW.name, NEW.patronymic, 'roster')
    ON CONFLICT (office, personnel) DO UPDATE SET
      status = CASE WHEN mfc.trainees.surname = EXCLUDED.surname AND mfc.trainees.name = EXCLUDED.name
                    THEN (CASE WHEN mfc.trainees.status = 'roster' THEN 'roster' ELSE 'matched' END)
                    ELSE 'mismatch' END;
  RETURN NEW;
END $$;
CREATE TRIGGER roster_in AFTER INSERT OR UPDATE ON mfc.roster FOR EACH ROW EXECUTE FUNCTION mfc.roster_in();

-- Applies one journal entry's record to the derived tables and the summaries.
CREATE FUNCTION mfc.apply_entry(e mfc.entries) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE txt text; g text[]; f text[]; c text[]; tid bigint; a mfc.attempts;
        t integer; i integer;
BEGIN
  BEGIN
    txt := convert_from(e.canon, 'UTF8');
  EXCEPTION WHEN others THEN
    PERFORM mfc.audit_once(e.installation, e.office, 'unreadable', e.n, e.attempt,
      'запись не в кодировке UTF-8: сохранена в журнале, в отчёты не вошла');
    RETURN;
  END;
  IF e.kind = 'attempt' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    INSERT INTO mfc.attempts(id, installation, office, local_trainee, scenario, version, mode, started_at)
      VALUES (f[1], e.installation, e.office, f[2]::bigint, f[3], f[4], f[7], f[8])
      ON CONFLICT (id) DO NOTHING;
    IF FOUND THEN
      INSERT INTO mfc.sum_office(office, attempts) VALUES (e.office, 1)
        ON CONFLICT (office) DO UPDATE SET attempts = mfc.sum_office.attempts + 1;
      INSERT INTO mfc.sum_scenario(office, scenario, attempts) VALUES (e.office, f[3], 1)
        ON CONFLICT (office, scenario) DO UPDATE SET attempts = mfc.sum_scenario.attempts + 1;
    END IF;
  ELSIF e.kind = 'identity' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    IF f[2] IS NULL THEN RETURN; END IF;
    tid := mfc.trainee_of(e.office, f[2], coalesce(f[3], ''), coalesce(f[4], ''), '');
    UPDATE mfc.attempts SET trainee_id = tid WHERE id = e.attempt AND trainee_id IS NULL;
    IF FOUND THEN
      INSERT INTO mfc.sum_trainee(trainee_id, attempts) VALUES (tid, 1)
        ON CONFLICT (trainee_id) DO UPDATE SET attempts = mfc.sum_trainee.attempts + 1;
    END IF;
  ELSIF e.kind = 'finish' THEN
    g := string_to_array(txt, chr(29));
    f := mfc.fields(split_part(g[1], chr(30), 1));
    SELECT * INTO a FROM mfc.attempts WHERE id = e.attempt;
    IF NOT FOUND OR a.finished THEN RETURN; END IF;
    UPDATE mfc.attempts SET ended_at = f[1], finished = (f[2] = '1'), outcome = f[3],
      total = f[4]::integer, passed = coalesce(f[5], '0') <> '0', title = f[8]
      WHERE id = e.attempt;
    IF f[2] = '1' AND f[4] IS NOT NULL THEN
      t := greatest(0, least(100, f[4]::integer));
      i := CASE WHEN coalesce(f[5], '0') <> '0' THEN 1 ELSE 0 END;
      UPDATE mfc.sum_office SET finished = finished + 1, passed = passed + i, sum_total = sum_total + t
        WHERE office = a.office;
      UPDATE mfc.sum_scenario SET finished = finished + 1, passed = passed + i,
        sum_total = sum_total + t WHERE office = a.office AND scenario = a.scenario;
      IF a.trainee_id IS NOT NULL THEN
        UPDATE mfc.sum_trainee SET finished = finished + 1, passed = passed + i,
          sum_total = sum_total + t WHERE trainee_id = a.trainee_id;
      END IF;
    END IF;
    IF array_length(g, 1) >= 2 THEN
      FOR i IN 1 .. coalesce(array_length(string_to_array(g[2], chr(30)), 1), 0) LOOP
        c := mfc.fields((string_to_array(g[2], chr(30)))[i]);
        CONTINUE WHEN c IS NULL OR c[1] IS NULL OR c[1] = '';
        INSERT INTO mfc.criteria(attempt, criterion, title, score, max)
          VALUES (e.attempt, c[1], c[2], c[4]::integer, c[5]::integer) ON CONFLICT DO NOTHING;
        IF FOUND AND f[2] = '1' AND f[4] IS NOT NULL THEN
          INSERT INTO mfc.sum_criterion(office, criterion, title, n, score_sum, max_sum)
            VALUES (a.office, c[1], c[2], 1, c[4]::integer, c[5]::integer)
            ON CONFLICT (office, criterion) DO UPDATE SET n = mfc.sum_criterion.n + 1,
              score_sum = mfc.sum_criterion.score_sum + EXCLUDED.score_sum,
              max_sum = mfc.sum_criterion.max_sum + EXCLUDED.max_sum, title = EXCLUDED.title;
        END IF;
      END LOOP;
    END IF;
  END IF;
END $$;

-- The intake of journal entries. An installation's position (last_n, last_hash) is kept in
-- transaction-local settings while a statement inserts many rows, and written back once per
-- statement (entries_flush): one locked read and one update per batch, not per row.
CREATE FUNCTION mfc.entry_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations; old mfc.entries; prev bytea; last_n bigint; last_hash text;
        off text;
BEGIN
  IF coalesce(current_setting('mfc.cur_inst', true), '') <> NEW.installation::text THEN
    PERFORM mfc.entries_flush_now();
    r := mfc.own_installation(NEW.installation);
    PERFORM set_config('mfc.cur_inst', NEW.installation::text, true);
    PERFORM set_config('mfc.cur_office', r.office, true);
    PERFORM set_config('mfc.cur_n', r.last_n::text, true);
    PERFORM set_config('mfc.cur_hash', r.last_hash, true);
  END IF;
  off := current_setting('mfc.cur_office');
  last_n := current_setting('mfc.cur_n')::bigint;
  last_hash := current_setting('mfc.cur_hash');
  NEW.office := off;
  NEW.received_at := now();
  IF NEW.n <= last_n THEN
    SELECT * INTO old FROM mfc.entries WHERE installation = NEW.installation AND n = NEW.n;
    IF old.mac IS DISTINCT FROM NEW.mac OR old.digest IS DISTINCT FROM NEW.digest THEN
      PERFORM mfc.audit_once(NEW.installation, off, 'rollback', NEW.n, NEW.attempt,
        format('запись журнала № %s отличается от полученной раньше: база офиса откатана, '
               'усечена или изменена; центр хранит прежнюю', NEW.n));
    END IF;
    RETURN NULL;  -- already here: sending it again changes nothing
  END IF;
  IF NEW.n <> last_n + 1 THEN
    PERFORM mfc.audit_once(NEW.installation, off, 'gap', NEW.n, NEW.attempt,
      format('пропуск в журнале: после записи № %s пришла № %s', last_n, NEW.n));
    RETURN NULL;
  END IF;
  prev := CASE WHEN last_hash = '' THEN decode(repeat('00', 32), 'hex')
               ELSE decode(last_hash, 'hex') END;
  NEW.hash := encode(sha256(prev || convert_to(format('%s|%s|%s|%s|%s|%s', NEW.n, NEW.kind,
                     NEW.attempt, NEW.seq, NEW.digest, NEW.mac), 'UTF8')), 'hex');
  PERFORM set_config('mfc.cur_n', NEW.n::text, true);
  PERFORM set_config('mfc.cur_hash', NEW.hash, true);
  PERFORM set_config('mfc.cur_dirty', '1', true);
  IF NOT NEW.intact OR NEW.canon IS NULL THEN
    PERFORM mfc.audit_once(NEW.installation, off,
      CASE WHEN NEW.canon IS NULL THEN 'deleted' ELSE 'changed' END, NEW.n, NEW.attempt,
      CASE WHEN NEW.canon IS NULL THEN 'запись удалена из базы офиса'
           ELSE 'запись изменена после того, как программа её сделала' END
      || ' (' || NEW.kind || '): в отчёты не вошла');
    RETURN NEW;
  END IF;
  IF NEW.kind <> 'action' THEN  -- actions are kept in the journal only
    PERFORM mfc.apply_entry(NEW);
  END IF;
  RETURN NEW;
END $$;

-- Writes the cached position of the current installation back (see entry_in).
CREATE FUNCTION mfc.entries_flush_now() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
BEGIN
  IF coalesce(current_setting('mfc.cur_dirty', true), '') = '1' THEN
    UPDATE mfc.installations SET last_n = current_setting('mfc.cur_n')::bigint,
      last_hash = current_setting('mfc.cur_hash'), last_sync = now()
      WHERE id = current_setting('mfc.cur_inst')::uuid;
    PERFORM set_config('mfc.cur_dirty', '', true);
  END IF;
END $$;
CREATE FUNCTION mfc.entries_flush() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
BEGIN
  PERFORM mfc.entries_flush_now();
  PERFORM set_config('mfc.cur_inst', '', true);
  RETURN NULL;
END $$;
CREATE TRIGGER entries_flush AFTER INSERT ON mfc.entries FOR EACH STATEMENT
  EXECUTE FUNCTION mfc.entries_flush();
CREATE TRIGGER entry_in BEFORE INSERT ON mfc.entries FOR EACH ROW EXECUTE FUNCTION mfc.entry_in();

CREATE FUNCTION mfc.head_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations := mfc.own_installation(NEW.installation);
BEGIN
  NEW.office := r.office;
  NEW.received_at := now();
  IF NEW.n < r.reported_head THEN
    PERFORM mfc.audit_once(NEW.installation, r.office, 'rollback', NEW.n, '',
      format('офис прислал журнал до записи № %s, а раньше — до № %s: база откатана или усечена',
             NEW.n, r.reported_head));
  ELSE
    UPDATE mfc.installations SET reported_head = NEW.n WHERE id = NEW.installation;
  END IF;
  IF EXISTS (SELECT 1 FROM mfc.entries WHERE installation = NEW.installation AND n = NEW.n
             AND hash <> NEW.hash) THEN
    PERFORM mfc.audit_once(NEW.installation, r.office, 'rollback', NEW.n, '',
      format('журнал офиса до записи № %s расходится с полученным раньше: база откатана, '
             'усечена или изменена; центр хранит прежние записи', NEW.n));
  END IF;
  IF EXISTS (SELECT 1 FROM mfc.heads WHERE installation = NEW.installation AND n = NEW.n
             AND hash = NEW.hash) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER head_in BEFORE INSERT ON mfc.heads FOR EACH ROW EXECUTE FUNCTION mfc.head_in();

CREATE FUNCTION mfc.audit_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations := mfc.own_installation(NEW.installation);
BEGIN
  NEW.office := r.office;
  NEW.found_at := now();
  IF EXISTS (SELECT 1 FROM mfc.audit WHERE installation = NEW.installation AND kind = NEW.kind
             AND n = NEW.n AND detail = NEW.detail) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_in BEFORE INSERT ON mfc.audit FOR EACH ROW EXECUTE FUNCTION mfc.audit_in();

-- What the centre holds of one installation (the caller's own only).
CREATE FUNCTION mfc.status(inst uuid, OUT last_n bigint, OUT last_hash text, OUT findings bigint,
  OUT office text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations := mfc.own_installation(inst);
BEGIN
  office := r.office;
  last_n := r.last_n;
  last_hash := r.last_hash;
  SELECT count(*) INTO findings FROM mfc.audit WHERE installation = inst;
END $$;

-- Row-level security: an office adds rows for its own installations and reads its roster.
ALTER TABLE mfc.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfc.heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfc.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfc.roster ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfc.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfc.enrolments ENABLE ROW LEVEL SECURITY;
CREATE POLICY office_adds ON mfc.entries FOR INSERT TO mfc_office WITH CHECK (office = mfc.my_office());
CREATE POLICY office_adds ON mfc.heads FOR INSERT TO mfc_office WITH CHECK (office = mfc.my_office());
CREATE POLICY office_adds ON mfc.audit FOR INSERT TO mfc_office WITH CHECK (office = mfc.my_office());
CREATE POLICY office_adds ON mfc.profiles FOR INSERT TO mfc_office WITH CHECK (true);
CREATE POLICY office_adds ON mfc.enrolments FOR INSERT TO mfc_office WITH CHECK (office = mfc.my_office());
CREATE POLICY office_reads ON mfc.roster FOR SELECT TO mfc_office USING (office = mfc.my_office());
CREATE POLICY managers_read ON mfc.entries FOR SELECT TO mfc_manager USING (true);
CREATE POLICY managers_read ON mfc.heads FOR SELECT TO mfc_manager USING (true);
CREATE POLICY managers_read ON mfc.audit FOR SELECT TO mfc_manager USING (true);
CREATE POLICY managers_read ON mfc.roster FOR SELECT TO mfc_manager USING (true);
REVOKE ALL ON SCHEMA mfc FROM PUBLIC;
GRANT USAGE ON SCHEMA mfc TO mfc_office, mfc_manager;
GRANT INSERT ON mfc.entries, mfc.heads, mfc.audit, mfc.profiles, mfc.enrolments TO mfc_office;
GRANT SELECT ON mfc.roster TO mfc_office;
GRANT SELECT ON ALL TABLES IN SCHEMA mfc TO mfc_manager;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA mfc FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mfc.my_office(), mfc.status(uuid) TO mfc_office, mfc_manager;

-- @@ schema 2 ---------------------------------------------------------------------------------
-- Scenario packs through the centre (issue #13). A methodologist publishes a signed pack file
-- (`mfc-trainer pack publish`, the schema owner's role); every office's sync fetches the newest
-- one, checks it against the PC's own trusted keys and installs it, then reports which version
-- the installation runs. Office roles may read the packs and report their own version through
-- mfc.pack_report: nothing else.
CREATE TABLE mfc.packs (
  id bigserial PRIMARY KEY, name text NOT NULL, version text NOT NULL UNIQUE,
  hash text NOT NULL, key_id text NOT NULL, built text NOT NULL DEFAULT '',
  changelog text NOT NULL DEFAULT '', size bigint NOT NULL, data bytea NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by name NOT NULL DEFAULT session_user);
CREATE TABLE mfc.pack_installs (
  installation uuid PRIMARY KEY REFERENCES mfc.installations, office text NOT NULL,
  version text NOT NULL, hash text NOT NULL, reported_at timestamptz NOT NULL DEFAULT now());

-- Records the pack an installation runs (the caller's own installation only).
CREATE FUNCTION mfc.pack_report(inst uuid, ver text, h text) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations := mfc.own_installation(inst);
BEGIN
  IF ver !~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,46}$' OR h !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'неверная версия или хеш пакета: %', ver;
  END IF;
  INSERT INTO mfc.pack_installs(installation, office, version, hash)
    VALUES (inst, r.office, ver, h)
    ON CONFLICT (installation) DO UPDATE SET office = EXCLUDED.office,
      version = EXCLUDED.version, hash = EXCLUDED.hash, reported_at = now();
END $$;
REVOKE ALL ON FUNCTION mfc.pack_report(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mfc.pack_report(uuid, text, text) TO mfc_office, mfc_manager;
GRANT SELECT ON mfc.packs TO mfc_office, mfc_manager;
GRANT SELECT ON mfc.pack_installs TO mfc_manager;
-- An office's own reports (central_report: its local verify's findings, a refused pack) are
-- plain INSERTs into mfc.audit, whose id comes from a sequence: without USAGE on it every such
-- INSERT by an office role failed with "permission denied for sequence" (found with #13).
GRANT USAGE ON SEQUENCE mfc.audit_id_seq TO mfc_office;
-- Which published pack each attempt was played from: an attempt's journal record carries the
-- pack's hash (field 9 of its canonical row, engine/store/chain.c), the hash mfc.packs keeps.
-- Only attempts the intake could read (those in mfc.attempts) are looked at.
CREATE VIEW mfc.attempt_packs AS
  SELECT a.id AS attempt, a.office, p.name, p.version
  FROM mfc.attempts a
  JOIN mfc.entries e ON e.installation = a.installation AND e.attempt = a.id AND e.kind = 'attempt'
  JOIN mfc.packs p ON p.hash = (mfc.fields(split_part(convert_from(e.canon, 'UTF8'), chr(30), 1)))[9]
  WHERE e.intact AND e.canon IS NOT NULL;
GRANT SELECT ON mfc.attempt_packs TO mfc_manager;
-- A view calls its functions with the reader's rights: managers need mfc.fields to read it.
GRANT EXECUTE ON FUNCTION mfc.fields(text) TO mfc_manager;

-- @@ schema 3 ---------------------------------------------------------------------------------
-- What a Learning Record Store acknowledged (issue #13).
-- `lrs push --central` records, per LRS (its statements URL), every statement the LRS accepted
-- (status 'sent') or already held in another version (409, 'conflict'), so the region never
-- sends a statement twice as a new one. Written by the owner or a manager who runs the push.
CREATE TABLE mfc.lrs_sent (
  endpoint text NOT NULL, statement_id uuid NOT NULL, attempt text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'conflict')),
  acked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (endpoint, statement_id));
GRANT SELECT, INSERT ON mfc.lrs_sent TO mfc_manager;

-- @@ schema 4 ---------------------------------------------------------------------------------
-- The region report from SQL aggregates (issue #12): every figure of `report --central` over
-- the whole region or one office comes from running summaries kept here, updated by the intake
-- in the same transaction as the rows (mfc.apply_entry below), so a report reads a few
-- thousand summary rows, never the attempts. Only attempts credited to a trainee count (as in
-- a local report: guest attempts never reach reports). "finished" below means finished with a
-- total; the others of a trainee's attempts are "unfinished".
--   mfc.mistakes                the mistakes of each finished record (the PC's attempt_mistakes)
--   mfc.criteria.pos            a criterion's place in its attempt (the order a report lists)
--   mfc.sum_trainee             + exams, exams_passed, first_at, last_at
--   mfc.sum_report_scenario     office × scenario: the counts, the latest scenario title
--   mfc.sum_trainee_criterion   trainee (one office) × criterion
--   mfc.sum_trainee_scenario    trainee × scenario: the counts (a report under --scenario)
--   mfc.sum_trainee_scenario_criterion  trainee × scenario × criterion (n, ratio_sum)
--   mfc.sum_scenario_criterion  office × scenario × criterion
--   mfc.sum_mistake             office × scenario × mistake, with its latest wording
--   mfc.sum_day                 office × day;  mfc.sum_scenario_day: office × scenario × day
--   mfc.sum_hist                office × scenario × 10-point bucket of the total
CREATE TABLE mfc.mistakes (
  attempt text NOT NULL, seq integer NOT NULL, action text NOT NULL, kind text,
  criterion text, points integer, feedback text, rule_id text, rule text,
  PRIMARY KEY (attempt, seq));
ALTER TABLE mfc.criteria ADD COLUMN pos integer NOT NULL DEFAULT 0;
ALTER TABLE mfc.sum_trainee ADD COLUMN exams bigint NOT NULL DEFAULT 0,
  ADD COLUMN exams_passed bigint NOT NULL DEFAULT 0, ADD COLUMN first_at text,
  ADD COLUMN last_at text;
CREATE TABLE mfc.sum_report_scenario (
  office text NOT NULL, scenario text NOT NULL, attempts bigint NOT NULL DEFAULT 0,
  finished bigint NOT NULL DEFAULT 0, passed bigint NOT NULL DEFAULT 0,
  exams bigint NOT NULL DEFAULT 0, exams_passed bigint NOT NULL DEFAULT 0,
  sum_total bigint NOT NULL DEFAULT 0, title text, title_at text,
  PRIMARY KEY (office, scenario));
CREATE TABLE mfc.sum_trainee_criterion (
  trainee_id bigint NOT NULL, criterion text NOT NULL, office text NOT NULL,
  n bigint NOT NULL DEFAULT 0, score_sum bigint NOT NULL DEFAULT 0,
  max_sum bigint NOT NULL DEFAULT 0, ratio_sum float8 NOT NULL DEFAULT 0,
  PRIMARY KEY (trainee_id, criterion));
CREATE INDEX sum_trainee_criterion_by_office ON mfc.sum_trainee_criterion (office);
CREATE TABLE mfc.sum_trainee_scenario (
  trainee_id bigint NOT NULL, scenario text NOT NULL, office text NOT NULL,
  attempts bigint NOT NULL DEFAULT 0, finished bigint NOT NULL DEFAULT 0,
  passed bigint NOT NULL DEFAULT 0, exams bigint NOT NULL DEFAULT 0,
  exams_passed bigint NOT NULL DEFAULT 0, sum_total bigint NOT NULL DEFAULT 0,
  first_at text, last_at text, PRIMARY KEY (trainee_id, scenario));
CREATE INDEX sum_trainee_scenario_by_scenario ON mfc.sum_trainee_scenario (scenario, office);
-- Keyed by scenario and office first (a trainee has one office): a report under --scenario,
-- with or without --office, reads one range of the key.
CREATE TABLE mfc.sum_trainee_scenario_criterion (
  scenario text NOT NULL, office text NOT NULL, trainee_id bigint NOT NULL,
  criterion text NOT NULL, n bigint NOT NULL DEFAULT 0, ratio_sum float8 NOT NULL DEFAULT 0,
  PRIMARY KEY (scenario, office, trainee_id, criterion));
CREATE TABLE mfc.sum_scenario_criterion (
  office text NOT NULL, scenario text NOT NULL, criterion text NOT NULL, title text,
  n bigint NOT NULL DEFAULT 0, score_sum bigint NOT NULL DEFAULT 0,
  max_sum bigint NOT NULL DEFAULT 0, ratio_sum float8 NOT NULL DEFAULT 0,
  min_pos integer NOT NULL DEFAULT 0, PRIMARY KEY (office, scenario, criterion));
CREATE TABLE mfc.sum_mistake (
  office text NOT NULL, scenario text NOT NULL, action text NOT NULL,
  count bigint NOT NULL DEFAULT 0, critical bigint NOT NULL DEFAULT 0, at text,
  kind text, criterion text, feedback text, rule_id text, rule text,
  PRIMARY KEY (office, scenario, action));
CREATE TABLE mfc.sum_day (
  office text NOT NULL, day text NOT NULL, attempts bigint NOT NULL DEFAULT 0,
  passed bigint NOT NULL DEFAULT 0, sum_total bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (office, day));
CREATE TABLE mfc.sum_scenario_day (
  office text NOT NULL, scenario text NOT NULL, day text NOT NULL,
  attempts bigint NOT NULL DEFAULT 0, passed bigint NOT NULL DEFAULT 0,
  sum_total bigint NOT NULL DEFAULT 0, PRIMARY KEY (office, scenario, day));
CREATE TABLE mfc.sum_hist (
  office text NOT NULL, scenario text NOT NULL, bucket integer NOT NULL,
  n bigint NOT NULL DEFAULT 0, PRIMARY KEY (office, scenario, bucket));
-- Filtered reports (a trainee, dates) read the matching attempts through these.
CREATE INDEX attempts_by_start ON mfc.attempts (started_at);
-- Summary rows are updated in place at every finished attempt: room left in each page lets
-- PostgreSQL write the new version beside the old one without touching the indexes (HOT).
ALTER TABLE mfc.sum_trainee SET (fillfactor = 70);
ALTER TABLE mfc.sum_report_scenario SET (fillfactor = 70);
ALTER TABLE mfc.sum_trainee_scenario SET (fillfactor = 70);
ALTER TABLE mfc.sum_trainee_criterion SET (fillfactor = 70);
ALTER TABLE mfc.sum_trainee_scenario_criterion SET (fillfactor = 70);
ALTER TABLE mfc.sum_scenario_criterion SET (fillfactor = 70);
ALTER TABLE mfc.sum_mistake SET (fillfactor = 70);
ALTER TABLE mfc.sum_day SET (fillfactor = 70);
ALTER TABLE mfc.sum_scenario_day SET (fillfactor = 70);
ALTER TABLE mfc.sum_hist SET (fillfactor = 70);

-- A trainee's attempt starts counting: its trainee is known (identity entry).
CREATE FUNCTION mfc.report_start(a mfc.attempts) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
BEGIN
  INSERT INTO mfc.sum_trainee(trainee_id, attempts, first_at, last_at)
    VALUES (a.trainee_id, 1, a.started_at, a.started_at)
    ON CONFLICT (trainee_id) DO UPDATE SET attempts = mfc.sum_trainee.attempts + 1,
      first_at = CASE WHEN mfc.sum_trainee.first_at IS NULL OR EXCLUDED.first_at < mfc.sum_trainee.first_at
                      THEN EXCLUDED.first_at ELSE mfc.sum_trainee.first_at END,
      last_at = CASE WHEN mfc.sum_trainee.last_at IS NULL OR EXCLUDED.last_at > mfc.sum_trainee.last_at
                     THEN EXCLUDED.last_at ELSE mfc.sum_trainee.last_at END;
  INSERT INTO mfc.sum_report_scenario(office, scenario, attempts) VALUES (a.office, a.scenario, 1)
    ON CONFLICT (office, scenario) DO UPDATE SET attempts = mfc.sum_report_scenario.attempts + 1;
  INSERT INTO mfc.sum_trainee_scenario(trainee_id, scenario, office, attempts, first_at, last_at)
    VALUES (a.trainee_id, a.scenario, a.office, 1, a.started_at, a.started_at)
    ON CONFLICT (trainee_id, scenario) DO UPDATE SET attempts = mfc.sum_trainee_scenario.attempts + 1,
      first_at = CASE WHEN mfc.sum_trainee_scenario.first_at IS NULL
                        OR EXCLUDED.first_at < mfc.sum_trainee_scenario.first_at
                      THEN EXCLUDED.first_at ELSE mfc.sum_trainee_scenario.first_at END,
      last_at = CASE WHEN mfc.sum_trainee_scenario.last_at IS NULL
                       OR EXCLUDED.last_at > mfc.sum_trainee_scenario.last_at
                     THEN EXCLUDED.last_at ELSE mfc.sum_trainee_scenario.last_at END;
END $$;

-- The latest scenario title recorded with a trainee's attempt (any finish record).
CREATE FUNCTION mfc.report_title(a mfc.attempts) RETURNS void LANGUAGE sql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
  UPDATE mfc.sum_report_scenario SET title = a.title, title_at = coalesce(a.started_at, '')
    WHERE office = a.office AND scenario = a.scenario AND a.title IS NOT NULL
      AND (title_at IS NULL OR coalesce(a.started_at, '') >= title_at) $$;

-- A trainee's attempt finished with a total: its scores, criteria and mistakes count. Three
-- statements (counts, criteria, mistakes), each writing several summaries through
-- data-modifying WITH clauses: a statement's start-up costs more than its rows here.
CREATE FUNCTION mfc.report_finish(a mfc.attempts) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE t integer := greatest(0, least(100, a.total));
        p integer := CASE WHEN a.passed THEN 1 ELSE 0 END;
        x integer := CASE WHEN a.mode = 'exam' THEN 1 ELSE 0 END;
        d text := substr(coalesce(a.started_at, ''), 1, 10);
        dated boolean := substr(coalesce(a.started_at, ''), 1, 10) ~ '^\d{4}-\d{2}-\d{2}$';
BEGIN
  WITH u1 AS (
    UPDATE mfc.sum_trainee SET finished = finished + 1, passed = passed + p,
      sum_total = sum_total + t, exams = exams + x, exams_passed = exams_passed + x * p
      WHERE trainee_id = a.trainee_id),
  u2 AS (
    UPDATE mfc.sum_report_scenario SET finished = finished + 1, passed = passed + p,
      sum_total = sum_total + t, exams = exams + x, exams_passed = exams_passed + x * p
      WHERE office = a.office AND scenario = a.scenario),
  u3 AS (
    UPDATE mfc.sum_trainee_scenario SET finished = finished + 1, passed = passed + p,
      sum_total = sum_total + t, exams = exams + x, exams_passed = exams_passed + x * p
      WHERE trainee_id = a.trainee_id AND scenario = a.scenario),
  h AS (
    INSERT INTO mfc.sum_hist VALUES (a.office, a.scenario, CASE WHEN t >= 100 THEN 9 ELSE t / 10 END, 1)
      ON CONFLICT (office, scenario, bucket) DO UPDATE SET n = mfc.sum_hist.n + 1),
  d1 AS (
    INSERT INTO mfc.sum_day SELECT a.office, d, 1, p, t WHERE dated
      ON CONFLICT (office, day) DO UPDATE SET attempts = mfc.sum_day.attempts + 1,
        passed = mfc.sum_day.passed + EXCLUDED.passed,
        sum_total = mfc.sum_day.sum_total + EXCLUDED.sum_total)
  INSERT INTO mfc.sum_scenario_day SELECT a.office, a.scenario, d, 1, p, t WHERE dated
    ON CONFLICT (office, scenario, day) DO UPDATE SET attempts = mfc.sum_scenario_day.attempts + 1,
      passed = mfc.sum_scenario_day.passed + EXCLUDED.passed,
      sum_total = mfc.sum_scenario_day.sum_total + EXCLUDED.sum_total;
  WITH c AS MATERIALIZED (
    SELECT criterion, title, pos, max, greatest(0, least(max, score)) AS sc,
           greatest(0, least(max, score))::float8 / max AS r
    FROM mfc.criteria WHERE attempt = a.id AND max > 0),
  tc AS (
    INSERT INTO mfc.sum_trainee_criterion
      SELECT a.trainee_id, criterion, a.office, 1, sc, max, r FROM c
      ON CONFLICT (trainee_id, criterion) DO UPDATE SET n = mfc.sum_trainee_criterion.n + 1,
        score_sum = mfc.sum_trainee_criterion.score_sum + EXCLUDED.score_sum,
        max_sum = mfc.sum_trainee_criterion.max_sum + EXCLUDED.max_sum,
        ratio_sum = mfc.sum_trainee_criterion.ratio_sum + EXCLUDED.ratio_sum),
  tsc AS (
    INSERT INTO mfc.sum_trainee_scenario_criterion
      SELECT a.scenario, a.office, a.trainee_id, criterion, 1, r FROM c
      ON CONFLICT (scenario, office, trainee_id, criterion) DO UPDATE
        SET n = mfc.sum_trainee_scenario_criterion.n + 1,
        ratio_sum = mfc.sum_trainee_scenario_criterion.ratio_sum + EXCLUDED.ratio_sum)
  INSERT INTO mfc.sum_scenario_criterion
    SELECT a.office, a.scenario, criterion, title, 1, sc, max, r, pos FROM c
    ON CONFLICT (office, scenario, criterion) DO UPDATE SET n = mfc.sum_scenario_criterion.n + 1,
      score_sum = mfc.sum_scenario_criterion.score_sum + EXCLUDED.score_sum,
      max_sum = mfc.sum_scenario_criterion.max_sum + EXCLUDED.max_sum,
      ratio_sum = mfc.sum_scenario_criterion.ratio_sum + EXCLUDED.ratio_sum,
      min_pos = least(mfc.sum_scenario_criterion.min_pos, EXCLUDED.min_pos);
  -- A mistake counts once per attempt; its wording is that of its first row in the attempt
  -- and, across attempts, of the latest attempt (as a local report words it).
  INSERT INTO mfc.sum_mistake
    SELECT DISTINCT ON (m.action) a.office, a.scenario, m.action, 1,
           CASE WHEN bool_or(m.kind = 'critical') OVER (PARTITION BY m.action) THEN 1 ELSE 0 END,
           coalesce(a.started_at, ''), m.kind, m.criterion, m.feedback, m.rule_id, m.rule
    FROM mfc.mistakes m WHERE m.attempt = a.id ORDER BY m.action, m.seq
    ON CONFLICT (office, scenario, action) DO UPDATE SET count = mfc.sum_mistake.count + 1,
      critical = mfc.sum_mistake.critical + EXCLUDED.critical,
      at = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.at ELSE mfc.sum_mistake.at END,
      kind = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.kind ELSE mfc.sum_mistake.kind END,
      criterion = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.criterion ELSE mfc.sum_mistake.criterion END,
      feedback = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.feedback ELSE mfc.sum_mistake.feedback END,
      rule_id = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.rule_id ELSE mfc.sum_mistake.rule_id END,
      rule = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.rule ELSE mfc.sum_mistake.rule END;
END $$;

-- The intake, as in step 1, now also keeping the mistakes, criterion positions and the report's
-- summaries (mfc.report_start at identity, mfc.report_finish at the finish record, whichever
-- comes second).
CREATE OR REPLACE FUNCTION mfc.apply_entry(e mfc.entries) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE txt text; g text[]; f text[]; tid bigint; a mfc.attempts;
        t integer; i integer;
BEGIN
  BEGIN
    txt := convert_from(e.canon, 'UTF8');
  EXCEPTION WHEN others THEN
    PERFORM mfc.audit_once(e.installation, e.office, 'unreadable', e.n, e.attempt,
      'запись не в кодировке UTF-8: сохранена в журнале, в отчёты не вошла');
    RETURN;
  END;
  IF e.kind = 'attempt' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    INSERT INTO mfc.attempts(id, installation, office, local_trainee, scenario, version, mode, started_at)
      VALUES (f[1], e.installation, e.office, f[2]::bigint, f[3], f[4], f[7], f[8])
      ON CONFLICT (id) DO NOTHING;
    IF FOUND THEN
      INSERT INTO mfc.sum_office(office, attempts) VALUES (e.office, 1)
        ON CONFLICT (office) DO UPDATE SET attempts = mfc.sum_office.attempts + 1;
      INSERT INTO mfc.sum_scenario(office, scenario, attempts) VALUES (e.office, f[3], 1)
        ON CONFLICT (office, scenario) DO UPDATE SET attempts = mfc.sum_scenario.attempts + 1;
    END IF;
  ELSIF e.kind = 'identity' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    IF f[2] IS NULL THEN RETURN; END IF;
    tid := mfc.trainee_of(e.office, f[2], coalesce(f[3], ''), coalesce(f[4], ''), '');
    UPDATE mfc.attempts SET trainee_id = tid WHERE id = e.attempt AND trainee_id IS NULL
      RETURNING * INTO a;
    IF FOUND THEN
      PERFORM mfc.report_start(a);
      IF a.finished AND a.total IS NOT NULL THEN
        PERFORM mfc.report_finish(a);
      END IF;
      PERFORM mfc.report_title(a);
    END IF;
  ELSIF e.kind = 'finish' THEN
    g := string_to_array(txt, chr(29));
    f := mfc.fields(split_part(g[1], chr(30), 1));
    SELECT * INTO a FROM mfc.attempts WHERE id = e.attempt;
    IF NOT FOUND OR a.finished THEN RETURN; END IF;
    UPDATE mfc.attempts SET ended_at = f[1], finished = (f[2] = '1'), outcome = f[3],
      total = f[4]::integer, passed = coalesce(f[5], '0') <> '0', title = f[8]
      WHERE id = e.attempt RETURNING * INTO a;
    IF f[2] = '1' AND f[4] IS NOT NULL THEN
      t := greatest(0, least(100, f[4]::integer));
      i := CASE WHEN coalesce(f[5], '0') <> '0' THEN 1 ELSE 0 END;
      UPDATE mfc.sum_office SET finished = finished + 1, passed = passed + i, sum_total = sum_total + t
        WHERE office = a.office;
      UPDATE mfc.sum_scenario SET finished = finished + 1, passed = passed + i,
        sum_total = sum_total + t WHERE office = a.office AND scenario = a.scenario;
    END IF;
    -- The criteria in the scenario's order, as the PC lists them: the canonical record has
    -- them by id, so each one's place is where its id first appears in the result's JSON
    -- (field 7), as engine/store/sync.c orders them when it rebuilds a record.
    IF array_length(g, 1) >= 2 THEN
      WITH ins AS (
        INSERT INTO mfc.criteria(attempt, criterion, title, score, max, pos)
          SELECT e.attempt, c[1], c[2], c[4]::integer, c[5]::integer,
                 row_number() OVER (ORDER BY nullif(strpos(coalesce(f[7], ''), '"' || c[1] || '"'), 0)
                                    NULLS LAST, k) - 1
          FROM unnest(string_to_array(g[2], chr(30))) WITH ORDINALITY r(x, k),
               LATERAL mfc.fields(x) c
          WHERE c[1] IS NOT NULL AND c[1] <> ''
          ON CONFLICT DO NOTHING RETURNING criterion, title, score, max)
      INSERT INTO mfc.sum_criterion(office, criterion, title, n, score_sum, max_sum)
        SELECT a.office, criterion, title, 1, score, max FROM ins
        WHERE f[2] = '1' AND f[4] IS NOT NULL
        ON CONFLICT (office, criterion) DO UPDATE SET n = mfc.sum_criterion.n + 1,
          score_sum = mfc.sum_criterion.score_sum + EXCLUDED.score_sum,
          max_sum = mfc.sum_criterion.max_sum + EXCLUDED.max_sum, title = EXCLUDED.title;
    END IF;
    IF array_length(g, 1) >= 3 AND g[3] <> '' THEN
      INSERT INTO mfc.mistakes(attempt, seq, action, kind, criterion, points, feedback, rule_id, rule)
        SELECT e.attempt, m[1]::integer, m[2], m[3], m[4], m[5]::integer, m[6], m[7], m[8]
        FROM unnest(string_to_array(g[3], chr(30))) r, LATERAL mfc.fields(r) m
        WHERE m[1] IS NOT NULL AND m[2] IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    IF a.trainee_id IS NOT NULL THEN
      IF a.finished AND a.total IS NOT NULL THEN
        PERFORM mfc.report_finish(a);
      END IF;
      PERFORM mfc.report_title(a);
    END IF;
  END IF;
END $$;

-- Fills the report's summaries (and mfc.mistakes, mfc.criteria.pos) from the rows the centre
-- already holds, in a few set-based statements: the upgrade of an older centre runs it once,
-- and the benchmark, which generates attempts directly in the tables, too.
CREATE FUNCTION mfc.report_backfill() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp SET client_min_messages = warning AS $$
BEGIN
  -- The finish record each attempt's result came from (the first the intake applied).
  DROP TABLE IF EXISTS pg_temp.report_fin;
  CREATE TEMP TABLE report_fin ON COMMIT DROP AS
    SELECT DISTINCT ON (e.attempt) e.attempt, e.installation, e.n,
           string_to_array(convert_from(e.canon, 'UTF8'), chr(29)) AS g
    FROM mfc.entries e JOIN mfc.attempts a ON a.id = e.attempt AND a.ended_at IS NOT NULL
    WHERE e.kind = 'finish' AND e.intact AND e.canon IS NOT NULL
    ORDER BY e.attempt, e.installation, e.n;
  INSERT INTO mfc.mistakes(attempt, seq, action, kind, criterion, points, feedback, rule_id, rule)
    SELECT x.attempt, m[1]::integer, m[2], m[3], m[4], m[5]::integer, m[6], m[7], m[8]
    FROM report_fin x, LATERAL unnest(string_to_array(x.g[3], chr(30))) r, LATERAL mfc.fields(r) m
    WHERE array_length(x.g, 1) >= 3 AND m[1] IS NOT NULL AND m[2] IS NOT NULL
    ON CONFLICT DO NOTHING;
  -- Each criterion's place in its attempt, as the intake now keeps it.
  UPDATE mfc.criteria c SET pos = o.pos
    FROM (SELECT x.attempt, cr[1] AS criterion,
                 row_number() OVER (PARTITION BY x.attempt ORDER BY
                   nullif(strpos(coalesce((mfc.fields(split_part(x.g[1], chr(30), 1)))[7], ''),
                                 '"' || cr[1] || '"'), 0) NULLS LAST, k) - 1 AS pos
          FROM report_fin x,
               LATERAL unnest(string_to_array(x.g[2], chr(30))) WITH ORDINALITY r(y, k),
               LATERAL mfc.fields(y) cr
          WHERE array_length(x.g, 1) >= 2 AND cr[1] IS NOT NULL AND cr[1] <> '') o
    WHERE o.attempt = c.attempt AND o.criterion = c.criterion AND c.pos <> o.pos;
  TRUNCATE mfc.sum_trainee, mfc.sum_report_scenario, mfc.sum_trainee_criterion,
    mfc.sum_trainee_scenario, mfc.sum_trainee_scenario_criterion,
    mfc.sum_scenario_criterion, mfc.sum_mistake, mfc.sum_day, mfc.sum_scenario_day, mfc.sum_hist;
  -- fin_inst, fin_n: where the result arrived. Sums of ratios (float8) are added in that
  -- order, the order the intake adds them in, so that the same rows give the same last digit.
  DROP TABLE IF EXISTS pg_temp.report_att;
  CREATE TEMP TABLE report_att ON COMMIT DROP AS
    SELECT a.id, a.office, a.scenario, a.trainee_id, a.started_at, a.title,
           (a.finished AND a.total IS NOT NULL) AS fin, greatest(0, least(100, a.total)) AS t,
           CASE WHEN a.passed THEN 1 ELSE 0 END AS p, CASE WHEN a.mode = 'exam' THEN 1 ELSE 0 END AS x,
           f.installation AS fin_inst, f.n AS fin_n
    FROM mfc.attempts a LEFT JOIN report_fin f ON f.attempt = a.id WHERE a.trainee_id IS NOT NULL;
  INSERT INTO mfc.sum_trainee(trainee_id, attempts, finished, passed, sum_total, exams,
                              exams_passed, first_at, last_at)
    SELECT trainee_id, count(*), count(*) FILTER (WHERE fin), coalesce(sum(p) FILTER (WHERE fin), 0),
           coalesce(sum(t) FILTER (WHERE fin), 0), coalesce(sum(x) FILTER (WHERE fin), 0),
           coalesce(sum(x * p) FILTER (WHERE fin), 0), min(started_at), max(started_at)
    FROM report_att GROUP BY trainee_id;
  INSERT INTO mfc.sum_trainee_scenario
    SELECT trainee_id, scenario, min(office), count(*), count(*) FILTER (WHERE fin),
           coalesce(sum(p) FILTER (WHERE fin), 0), coalesce(sum(x) FILTER (WHERE fin), 0),
           coalesce(sum(x * p) FILTER (WHERE fin), 0), coalesce(sum(t) FILTER (WHERE fin), 0),
           min(started_at), max(started_at)
    FROM report_att GROUP BY trainee_id, scenario;
  INSERT INTO mfc.sum_report_scenario
    SELECT office, scenario, count(*), count(*) FILTER (WHERE fin),
           coalesce(sum(p) FILTER (WHERE fin), 0), coalesce(sum(x) FILTER (WHERE fin), 0),
           coalesce(sum(x * p) FILTER (WHERE fin), 0), coalesce(sum(t) FILTER (WHERE fin), 0),
           (array_agg(title ORDER BY coalesce(started_at, '') DESC) FILTER (WHERE title IS NOT NULL))[1],
           max(coalesce(started_at, '')) FILTER (WHERE title IS NOT NULL)
    FROM report_att GROUP BY office, scenario;
  INSERT INTO mfc.sum_hist
    SELECT office, scenario, CASE WHEN t >= 100 THEN 9 ELSE t / 10 END, count(*)
    FROM report_att WHERE fin GROUP BY 1, 2, 3;
  INSERT INTO mfc.sum_day
    SELECT office, substr(started_at, 1, 10), count(*), sum(p), sum(t)
    FROM report_att WHERE fin AND started_at ~ '^\d{4}-\d{2}-\d{2}' GROUP BY 1, 2;
  INSERT INTO mfc.sum_scenario_day
    SELECT office, scenario, substr(started_at, 1, 10), count(*), sum(p), sum(t)
    FROM report_att WHERE fin AND started_at ~ '^\d{4}-\d{2}-\d{2}' GROUP BY 1, 2, 3;
  INSERT INTO mfc.sum_trainee_criterion
    SELECT a.trainee_id, c.criterion, min(a.office), count(*),
           sum(greatest(0, least(c.max, c.score))), sum(c.max),
           sum(greatest(0, least(c.max, c.score))::float8 / c.max ORDER BY a.fin_inst, a.fin_n)
    FROM report_att a JOIN mfc.criteria c ON c.attempt = a.id
    WHERE a.fin AND c.max > 0 GROUP BY 1, 2;
  INSERT INTO mfc.sum_trainee_scenario_criterion
    SELECT a.scenario, a.office, a.trainee_id, c.criterion, count(*),
           sum(greatest(0, least(c.max, c.score))::float8 / c.max ORDER BY a.fin_inst, a.fin_n)
    FROM report_att a JOIN mfc.criteria c ON c.attempt = a.id
    WHERE a.fin AND c.max > 0 GROUP BY 1, 2, 3, 4;
  INSERT INTO mfc.sum_scenario_criterion
    SELECT a.office, a.scenario, c.criterion, min(c.title), count(*),
           sum(greatest(0, least(c.max, c.score))), sum(c.max),
           sum(greatest(0, least(c.max, c.score))::float8 / c.max ORDER BY a.fin_inst, a.fin_n),
           min(c.pos)
    FROM report_att a JOIN mfc.criteria c ON c.attempt = a.id
    WHERE a.fin AND c.max > 0 GROUP BY 1, 2, 3;
  INSERT INTO mfc.sum_mistake
    SELECT office, scenario, action, count(*), sum(crit),
           (array_agg(at ORDER BY at DESC, ord DESC))[1],
           (array_agg(kind ORDER BY at DESC, ord DESC))[1],
           (array_agg(criterion ORDER BY at DESC, ord DESC))[1],
           (array_agg(feedback ORDER BY at DESC, ord DESC))[1],
           (array_agg(rule_id ORDER BY at DESC, ord DESC))[1],
           (array_agg(rule ORDER BY at DESC, ord DESC))[1]
    FROM (SELECT DISTINCT ON (m.attempt, m.action) a.office, a.scenario, m.action,
                 CASE WHEN bool_or(m.kind = 'critical') OVER (PARTITION BY m.attempt, m.action)
                      THEN 1 ELSE 0 END AS crit,
                 coalesce(a.started_at, '') AS at, a.id AS ord, m.kind, m.criterion, m.feedback,
                 m.rule_id, m.rule
          FROM report_att a JOIN mfc.mistakes m ON m.attempt = a.id
          WHERE a.fin ORDER BY m.attempt, m.action, m.seq) u
    GROUP BY 1, 2, 3;
END $$;
SELECT mfc.report_backfill();
REVOKE ALL ON FUNCTION mfc.report_start(mfc.attempts), mfc.report_title(mfc.attempts),
  mfc.report_finish(mfc.attempts), mfc.report_backfill() FROM PUBLIC;
-- Managers read every summary; office roles none (the intake writes them as the owner).
GRANT SELECT ON mfc.mistakes, mfc.sum_report_scenario, mfc.sum_trainee_criterion,
  mfc.sum_trainee_scenario, mfc.sum_trainee_scenario_criterion,
  mfc.sum_scenario_criterion, mfc.sum_mistake, mfc.sum_day, mfc.sum_scenario_day, mfc.sum_hist
  TO mfc_manager;

-- @@ schema 5 ---------------------------------------------------------------------------------
-- The intake adds up the summaries once per statement, not once per attempt (issue #12). Step
-- 4's summaries were written by ~16 statements per attempt (report_start, report_finish,
-- report_title), which made a first sync 1.8 times slower than before them. Now each entry
-- records in its own row (mfc.entries.applied) what it did to its attempt, and the
-- statement-level trigger (entries_flush) reads the statement's rows from its transition table
-- and adds those attempts to the summaries with one set-based statement per summary (all but
-- step 1's sum_criterion, which is still added to as the criteria rows are written). Nothing
-- is written to a work table: a shared queue kept every transaction's deleted rows until the
-- oldest waiting one ended, and 50 PCs syncing at once spent their time scanning them.
--   applied: 'a' an attempt row was made (sum_office, sum_scenario count it);
--            'c' it finished with a total (sum_office, sum_scenario add its result);
--            's' a trainee's attempt starts counting (report_start of step 4);
--            'f' a trainee's attempt finished with a total counts (report_finish);
--            't' its scenario title may be the latest (report_title).
-- The entries' order (installation, n) is the order they came in: sums of ratios (float8)
-- are added in that order, and the latest title or wording among equals is the one that came
-- last, exactly as when each entry added itself (and as mfc.report_backfill orders them).
ALTER TABLE mfc.entries ADD COLUMN applied text;
-- One noted attempt, with what happened to it and where in the order it came (fpos: its 'f'
-- entry, tpos: its last 't' entry).
CREATE TYPE mfc.report_row AS (
  id text, office text, scenario text, trainee_id bigint, started_at text, title text,
  a boolean, c boolean, s boolean, f boolean, t boolean, fpos bigint, tpos bigint,
  tt integer, p integer, xm integer, d text, dated boolean);
-- A criterion of a noted result that counts.
CREATE TYPE mfc.report_crit AS (
  office text, scenario text, trainee_id bigint, fpos bigint, criterion text, title text,
  pos integer, max integer, sc integer, r float8);

-- base + xs[1] + xs[2] + …, left to right (as the rows were added one by one).
CREATE FUNCTION mfc.fold_sum(base float8, xs float8[]) RETURNS float8 LANGUAGE plpgsql IMMUTABLE
  AS $$
DECLARE s float8 := base; x float8;
BEGIN
  FOREACH x IN ARRAY coalesce(xs, '{}') LOOP s := s + x; END LOOP;
  RETURN s;
END $$;

-- Only mfc.entry_in calls it, already as the owner and with its search_path: without a
-- SECURITY DEFINER and SET of its own, a call saves and restores no settings.
-- It returns what the entry did to its attempt (see "applied" above). Its result type changes,
-- so it is made anew.
DROP FUNCTION mfc.apply_entry(mfc.entries);
CREATE FUNCTION mfc.apply_entry(e mfc.entries) RETURNS text LANGUAGE plpgsql AS $$
DECLARE txt text; g text[]; f text[]; tid bigint; a mfc.attempts;
BEGIN
  BEGIN
    txt := convert_from(e.canon, 'UTF8');
  EXCEPTION WHEN others THEN
    PERFORM mfc.audit_once(e.installation, e.office, 'unreadable', e.n, e.attempt,
      'запись не в кодировке UTF-8: сохранена в журнале, в отчёты не вошла');
    RETURN NULL;
  END;
  IF e.kind = 'attempt' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    INSERT INTO mfc.attempts(id, installation, office, local_trainee, scenario, version, mode, started_at)
      VALUES (f[1], e.installation, e.office, f[2]::bigint, f[3], f[4], f[7], f[8])
      ON CONFLICT (id) DO NOTHING;
    IF FOUND AND f[1] = e.attempt THEN
      RETURN 'a';
    END IF;
  ELSIF e.kind = 'identity' THEN
    f := mfc.fields(split_part(txt, chr(30), 1));
    IF f[2] IS NULL THEN RETURN NULL; END IF;
    tid := mfc.trainee_of(e.office, f[2], coalesce(f[3], ''), coalesce(f[4], ''), '');
    UPDATE mfc.attempts SET trainee_id = tid WHERE id = e.attempt AND trainee_id IS NULL
      RETURNING * INTO a;
    IF FOUND THEN
      RETURN CASE WHEN a.finished AND a.total IS NOT NULL THEN 'sft' ELSE 'st' END;
    END IF;
  ELSIF e.kind = 'finish' THEN
    g := string_to_array(txt, chr(29));
    f := mfc.fields(split_part(g[1], chr(30), 1));
    UPDATE mfc.attempts SET ended_at = f[1], finished = (f[2] = '1'), outcome = f[3],
      total = f[4]::integer, passed = coalesce(f[5], '0') <> '0', title = f[8]
      WHERE id = e.attempt AND NOT finished RETURNING * INTO a;
    IF NOT FOUND THEN RETURN NULL; END IF;
    -- The criteria in the scenario's order, as the PC lists them (see step 4).
    IF array_length(g, 1) >= 2 THEN
      WITH ins AS (
        INSERT INTO mfc.criteria(attempt, criterion, title, score, max, pos)
          SELECT e.attempt, c[1], c[2], c[4]::integer, c[5]::integer,
                 row_number() OVER (ORDER BY nullif(strpos(coalesce(f[7], ''), '"' || c[1] || '"'), 0)
                                    NULLS LAST, k) - 1
          FROM unnest(string_to_array(g[2], chr(30))) WITH ORDINALITY r(x, k),
               LATERAL mfc.fields(x) c
          WHERE c[1] IS NOT NULL AND c[1] <> ''
          ON CONFLICT DO NOTHING RETURNING criterion, title, score, max)
      INSERT INTO mfc.sum_criterion(office, criterion, title, n, score_sum, max_sum)
        SELECT a.office, criterion, title, 1, score, max FROM ins
        WHERE f[2] = '1' AND f[4] IS NOT NULL
        ON CONFLICT (office, criterion) DO UPDATE SET n = mfc.sum_criterion.n + 1,
          score_sum = mfc.sum_criterion.score_sum + EXCLUDED.score_sum,
          max_sum = mfc.sum_criterion.max_sum + EXCLUDED.max_sum, title = EXCLUDED.title;
    END IF;
    IF array_length(g, 1) >= 3 AND g[3] <> '' THEN
      INSERT INTO mfc.mistakes(attempt, seq, action, kind, criterion, points, feedback, rule_id, rule)
        SELECT e.attempt, m[1]::integer, m[2], m[3], m[4], m[5]::integer, m[6], m[7], m[8]
        FROM unnest(string_to_array(g[3], chr(30))) r, LATERAL mfc.fields(r) m
        WHERE m[1] IS NOT NULL AND m[2] IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN CASE WHEN a.trainee_id IS NULL THEN CASE WHEN f[2] = '1' AND f[4] IS NOT NULL THEN 'c' END
                WHEN f[2] = '1' AND f[4] IS NOT NULL THEN 'cft'
                ELSE 't' END;
  END IF;
  RETURN NULL;
END $$;

-- Adds the noted attempts (xs, in memory) to the summaries: each summary row is written once
-- per statement. Only entries_flush calls it, as the owner.
CREATE FUNCTION mfc.report_flush(xs mfc.report_row[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE cs mfc.report_crit[];
BEGIN
  -- Two PCs of one office can sync at once: their summary rows are written one
  -- transaction after the other (mfc.own_installation takes the same lock first).
  PERFORM pg_advisory_xact_lock(hashtextextended('mfc.office ' || office, 0))
    FROM (SELECT DISTINCT office FROM unnest(xs) ORDER BY office) o;
  cs := ARRAY(
    SELECT ROW(x.office, x.scenario, x.trainee_id, x.fpos, c.criterion, c.title, c.pos, c.max,
               greatest(0, least(c.max, c.score)),
               greatest(0, least(c.max, c.score))::float8 / c.max)::mfc.report_crit
    FROM unnest(xs) x JOIN mfc.criteria c ON c.attempt = x.id AND c.max > 0 WHERE x.f);
  -- Step 1's summaries: every attempt, finished ones with their result.
  INSERT INTO mfc.sum_office(office, attempts, finished, passed, sum_total)
    SELECT office, count(*) FILTER (WHERE a), count(*) FILTER (WHERE c),
           coalesce(sum(p) FILTER (WHERE c), 0), coalesce(sum(tt) FILTER (WHERE c), 0)
    FROM unnest(xs) WHERE a OR c GROUP BY office
    ON CONFLICT (office) DO UPDATE SET attempts = mfc.sum_office.attempts + EXCLUDED.attempts,
      finished = mfc.sum_office.finished + EXCLUDED.finished,
      passed = mfc.sum_office.passed + EXCLUDED.passed,
      sum_total = mfc.sum_office.sum_total + EXCLUDED.sum_total;
  INSERT INTO mfc.sum_scenario(office, scenario, attempts, finished, passed, sum_total)
    SELECT office, scenario, count(*) FILTER (WHERE a), count(*) FILTER (WHERE c),
           coalesce(sum(p) FILTER (WHERE c), 0), coalesce(sum(tt) FILTER (WHERE c), 0)
    FROM unnest(xs) WHERE a OR c GROUP BY office, scenario
    ON CONFLICT (office, scenario) DO UPDATE SET attempts = mfc.sum_scenario.attempts + EXCLUDED.attempts,
      finished = mfc.sum_scenario.finished + EXCLUDED.finished,
      passed = mfc.sum_scenario.passed + EXCLUDED.passed,
      sum_total = mfc.sum_scenario.sum_total + EXCLUDED.sum_total;
  -- Step 4's: trainees' attempts that start counting (s) or whose result counts (f).
  INSERT INTO mfc.sum_trainee(trainee_id, attempts, finished, passed, sum_total, exams,
                              exams_passed, first_at, last_at)
    SELECT trainee_id, count(*) FILTER (WHERE s), count(*) FILTER (WHERE f),
           coalesce(sum(p) FILTER (WHERE f), 0), coalesce(sum(tt) FILTER (WHERE f), 0),
           coalesce(sum(xm) FILTER (WHERE f), 0), coalesce(sum(xm * p) FILTER (WHERE f), 0),
           min(started_at) FILTER (WHERE s), max(started_at) FILTER (WHERE s)
    FROM unnest(xs) WHERE s OR f GROUP BY trainee_id
    ON CONFLICT (trainee_id) DO UPDATE SET attempts = mfc.sum_trainee.attempts + EXCLUDED.attempts,
      finished = mfc.sum_trainee.finished + EXCLUDED.finished,
      passed = mfc.sum_trainee.passed + EXCLUDED.passed,
      sum_total = mfc.sum_trainee.sum_total + EXCLUDED.sum_total,
      exams = mfc.sum_trainee.exams + EXCLUDED.exams,
      exams_passed = mfc.sum_trainee.exams_passed + EXCLUDED.exams_passed,
      first_at = CASE WHEN mfc.sum_trainee.first_at IS NULL OR EXCLUDED.first_at < mfc.sum_trainee.first_at
                      THEN EXCLUDED.first_at ELSE mfc.sum_trainee.first_at END,
      last_at = CASE WHEN mfc.sum_trainee.last_at IS NULL OR EXCLUDED.last_at > mfc.sum_trainee.last_at
                     THEN EXCLUDED.last_at ELSE mfc.sum_trainee.last_at END;
  INSERT INTO mfc.sum_report_scenario(office, scenario, attempts, finished, passed, exams,
                                      exams_passed, sum_total)
    SELECT office, scenario, count(*) FILTER (WHERE s), count(*) FILTER (WHERE f),
           coalesce(sum(p) FILTER (WHERE f), 0), coalesce(sum(xm) FILTER (WHERE f), 0),
           coalesce(sum(xm * p) FILTER (WHERE f), 0), coalesce(sum(tt) FILTER (WHERE f), 0)
    FROM unnest(xs) WHERE s OR f GROUP BY office, scenario
    ON CONFLICT (office, scenario) DO UPDATE SET
      attempts = mfc.sum_report_scenario.attempts + EXCLUDED.attempts,
      finished = mfc.sum_report_scenario.finished + EXCLUDED.finished,
      passed = mfc.sum_report_scenario.passed + EXCLUDED.passed,
      exams = mfc.sum_report_scenario.exams + EXCLUDED.exams,
      exams_passed = mfc.sum_report_scenario.exams_passed + EXCLUDED.exams_passed,
      sum_total = mfc.sum_report_scenario.sum_total + EXCLUDED.sum_total;
  INSERT INTO mfc.sum_trainee_scenario(trainee_id, scenario, office, attempts, finished, passed,
                                       exams, exams_passed, sum_total, first_at, last_at)
    SELECT trainee_id, scenario, min(office), count(*) FILTER (WHERE s), count(*) FILTER (WHERE f),
           coalesce(sum(p) FILTER (WHERE f), 0), coalesce(sum(xm) FILTER (WHERE f), 0),
           coalesce(sum(xm * p) FILTER (WHERE f), 0), coalesce(sum(tt) FILTER (WHERE f), 0),
           min(started_at) FILTER (WHERE s), max(started_at) FILTER (WHERE s)
    FROM unnest(xs) WHERE s OR f GROUP BY trainee_id, scenario
    ON CONFLICT (trainee_id, scenario) DO UPDATE SET
      attempts = mfc.sum_trainee_scenario.attempts + EXCLUDED.attempts,
      finished = mfc.sum_trainee_scenario.finished + EXCLUDED.finished,
      passed = mfc.sum_trainee_scenario.passed + EXCLUDED.passed,
      exams = mfc.sum_trainee_scenario.exams + EXCLUDED.exams,
      exams_passed = mfc.sum_trainee_scenario.exams_passed + EXCLUDED.exams_passed,
      sum_total = mfc.sum_trainee_scenario.sum_total + EXCLUDED.sum_total,
      first_at = CASE WHEN mfc.sum_trainee_scenario.first_at IS NULL
                        OR EXCLUDED.first_at < mfc.sum_trainee_scenario.first_at
                      THEN EXCLUDED.first_at ELSE mfc.sum_trainee_scenario.first_at END,
      last_at = CASE WHEN mfc.sum_trainee_scenario.last_at IS NULL
                       OR EXCLUDED.last_at > mfc.sum_trainee_scenario.last_at
                     THEN EXCLUDED.last_at ELSE mfc.sum_trainee_scenario.last_at END;
  -- The latest title among equals is the one that came last (tpos).
  UPDATE mfc.sum_report_scenario s SET title = x.title, title_at = x.at
    FROM (SELECT DISTINCT ON (office, scenario) office, scenario, title, coalesce(started_at, '') AS at
          FROM unnest(xs) WHERE t AND title IS NOT NULL
          ORDER BY office, scenario, coalesce(started_at, '') DESC, tpos DESC) x
    WHERE s.office = x.office AND s.scenario = x.scenario
      AND (s.title_at IS NULL OR x.at >= s.title_at);
  INSERT INTO mfc.sum_hist
    SELECT office, scenario, CASE WHEN tt >= 100 THEN 9 ELSE tt / 10 END, count(*)
    FROM unnest(xs) WHERE f GROUP BY 1, 2, 3
    ON CONFLICT (office, scenario, bucket) DO UPDATE SET n = mfc.sum_hist.n + EXCLUDED.n;
  INSERT INTO mfc.sum_day
    SELECT office, d, count(*), sum(p), sum(tt) FROM unnest(xs) WHERE f AND dated GROUP BY 1, 2
    ON CONFLICT (office, day) DO UPDATE SET attempts = mfc.sum_day.attempts + EXCLUDED.attempts,
      passed = mfc.sum_day.passed + EXCLUDED.passed,
      sum_total = mfc.sum_day.sum_total + EXCLUDED.sum_total;
  INSERT INTO mfc.sum_scenario_day
    SELECT office, scenario, d, count(*), sum(p), sum(tt) FROM unnest(xs) WHERE f AND dated
    GROUP BY 1, 2, 3
    ON CONFLICT (office, scenario, day) DO UPDATE SET
      attempts = mfc.sum_scenario_day.attempts + EXCLUDED.attempts,
      passed = mfc.sum_scenario_day.passed + EXCLUDED.passed,
      sum_total = mfc.sum_scenario_day.sum_total + EXCLUDED.sum_total;
  -- Criteria of the results that count, in the order they came (fpos). A summary row that
  -- does not exist yet is made first (with its office, title and place), so that every ratio
  -- is then added to the row's current sum one by one, in order (mfc.fold_sum).
  INSERT INTO mfc.sum_trainee_criterion(trainee_id, criterion, office)
    SELECT DISTINCT ON (trainee_id, criterion) trainee_id, criterion, office FROM unnest(cs)
    ORDER BY trainee_id, criterion, fpos ON CONFLICT DO NOTHING;
  UPDATE mfc.sum_trainee_criterion s SET n = s.n + c.n, score_sum = s.score_sum + c.sc,
      max_sum = s.max_sum + c.mx, ratio_sum = mfc.fold_sum(s.ratio_sum, c.rs)
    FROM (SELECT trainee_id, criterion, count(*) AS n, sum(sc) AS sc, sum(max) AS mx,
                 array_agg(r ORDER BY fpos) AS rs
          FROM unnest(cs) GROUP BY 1, 2) c
    WHERE s.trainee_id = c.trainee_id AND s.criterion = c.criterion;
  INSERT INTO mfc.sum_trainee_scenario_criterion(scenario, office, trainee_id, criterion)
    SELECT DISTINCT scenario, office, trainee_id, criterion FROM unnest(cs) ON CONFLICT DO NOTHING;
  UPDATE mfc.sum_trainee_scenario_criterion s SET n = s.n + c.n,
      ratio_sum = mfc.fold_sum(s.ratio_sum, c.rs)
    FROM (SELECT scenario, office, trainee_id, criterion, count(*) AS n,
                 array_agg(r ORDER BY fpos) AS rs
          FROM unnest(cs) GROUP BY 1, 2, 3, 4) c
    WHERE s.scenario = c.scenario AND s.office = c.office AND s.trainee_id = c.trainee_id
      AND s.criterion = c.criterion;
  INSERT INTO mfc.sum_scenario_criterion(office, scenario, criterion, title, min_pos)
    SELECT DISTINCT ON (office, scenario, criterion) office, scenario, criterion, title, pos
    FROM unnest(cs) ORDER BY office, scenario, criterion, fpos ON CONFLICT DO NOTHING;
  UPDATE mfc.sum_scenario_criterion s SET n = s.n + c.n, score_sum = s.score_sum + c.sc,
      max_sum = s.max_sum + c.mx, ratio_sum = mfc.fold_sum(s.ratio_sum, c.rs),
      min_pos = least(s.min_pos, c.min_pos)
    FROM (SELECT office, scenario, criterion, count(*) AS n, sum(sc) AS sc, sum(max) AS mx,
                 array_agg(r ORDER BY fpos) AS rs, min(pos) AS min_pos
          FROM unnest(cs) GROUP BY 1, 2, 3) c
    WHERE s.office = c.office AND s.scenario = c.scenario AND s.criterion = c.criterion;
  -- A mistake counts once per attempt, worded by its first row in the attempt; across
  -- attempts the latest attempt's wording wins, and among equals the one that came last.
  INSERT INTO mfc.sum_mistake
    SELECT office, scenario, action, count(*), sum(crit),
           (array_agg(at ORDER BY at DESC, fpos DESC))[1],
           (array_agg(kind ORDER BY at DESC, fpos DESC))[1],
           (array_agg(criterion ORDER BY at DESC, fpos DESC))[1],
           (array_agg(feedback ORDER BY at DESC, fpos DESC))[1],
           (array_agg(rule_id ORDER BY at DESC, fpos DESC))[1],
           (array_agg(rule ORDER BY at DESC, fpos DESC))[1]
    FROM (SELECT DISTINCT ON (m.attempt, m.action) x.office, x.scenario, m.action,
                 CASE WHEN bool_or(m.kind = 'critical') OVER (PARTITION BY m.attempt, m.action)
                      THEN 1 ELSE 0 END AS crit,
                 coalesce(x.started_at, '') AS at, x.fpos, m.kind, m.criterion, m.feedback,
                 m.rule_id, m.rule
          FROM unnest(xs) x JOIN mfc.mistakes m ON m.attempt = x.id
          WHERE x.f ORDER BY m.attempt, m.action, m.seq) u
    GROUP BY 1, 2, 3
    ON CONFLICT (office, scenario, action) DO UPDATE SET count = mfc.sum_mistake.count + EXCLUDED.count,
      critical = mfc.sum_mistake.critical + EXCLUDED.critical,
      at = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.at ELSE mfc.sum_mistake.at END,
      kind = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.kind ELSE mfc.sum_mistake.kind END,
      criterion = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.criterion ELSE mfc.sum_mistake.criterion END,
      feedback = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.feedback ELSE mfc.sum_mistake.feedback END,
      rule_id = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.rule_id ELSE mfc.sum_mistake.rule_id END,
      rule = CASE WHEN EXCLUDED.at >= mfc.sum_mistake.at THEN EXCLUDED.rule ELSE mfc.sum_mistake.rule END;
END $$;

-- The statement's end: the installation's position, then the attempts its entries noted
-- (read from the statement's transition table, nt).
CREATE OR REPLACE FUNCTION mfc.entries_flush() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE xs mfc.report_row[];
BEGIN
  PERFORM mfc.entries_flush_now();
  PERFORM set_config('mfc.cur_inst', '', true);
  xs := ARRAY(
    SELECT ROW(a.id, a.office, a.scenario, a.trainee_id, a.started_at, a.title,
               q.a, q.c, q.s, q.f, q.t, q.fpos, q.tpos,
               greatest(0, least(100, a.total)), CASE WHEN a.passed THEN 1 ELSE 0 END,
               CASE WHEN a.mode = 'exam' THEN 1 ELSE 0 END,
               substr(coalesce(a.started_at, ''), 1, 10),
               substr(coalesce(a.started_at, ''), 1, 10) ~ '^\d{4}-\d{2}-\d{2}$')::mfc.report_row
    FROM (SELECT attempt, bool_or(strpos(applied, 'a') > 0) AS a,
                 bool_or(strpos(applied, 'c') > 0) AS c, bool_or(strpos(applied, 's') > 0) AS s,
                 bool_or(strpos(applied, 'f') > 0) AS f, bool_or(strpos(applied, 't') > 0) AS t,
                 min(k) FILTER (WHERE strpos(applied, 'f') > 0) AS fpos,
                 max(k) FILTER (WHERE strpos(applied, 't') > 0) AS tpos
          FROM (SELECT attempt, applied, row_number() OVER (ORDER BY installation, n) AS k
                FROM nt WHERE applied <> '') e
          GROUP BY attempt) q
    JOIN mfc.attempts a ON a.id = q.attempt);
  IF cardinality(xs) > 0 THEN
    PERFORM mfc.report_flush(xs);
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER entries_flush ON mfc.entries;
CREATE TRIGGER entries_flush AFTER INSERT ON mfc.entries REFERENCING NEW TABLE AS nt
  FOR EACH STATEMENT EXECUTE FUNCTION mfc.entries_flush();

-- The installation, checked against the caller's office; from here on the transaction has
-- its office's lock, so the intake of two PCs of one office never waits on each other's rows
-- in opposite orders (trainees, then summaries).
CREATE OR REPLACE FUNCTION mfc.own_installation(inst uuid) RETURNS mfc.installations LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations; mine text := mfc.my_office();
BEGIN
  SELECT * INTO r FROM mfc.installations WHERE id = inst FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'установка % не зарегистрирована в центре: выполните mfc-trainer enrol', inst;
  END IF;
  IF mine IS NOT NULL AND r.office <> mine THEN
    RAISE EXCEPTION 'установка % принадлежит офису %, а вход выполнен ролью офиса %', inst, r.office, mine;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('mfc.office ' || r.office, 0));
  RETURN r;
END $$;

DROP FUNCTION mfc.report_start(mfc.attempts), mfc.report_title(mfc.attempts),
  mfc.report_finish(mfc.attempts);
REVOKE ALL ON FUNCTION mfc.apply_entry(mfc.entries), mfc.report_flush(mfc.report_row[]),
  mfc.fold_sum(float8, float8[]) FROM PUBLIC;

-- The fields of a canonical row with one built-in call (string_to_array maps the 0x01 fields
-- to NULL itself); step 1's unnest and array_agg took 13 µs a record. An empty row is NULL,
-- as before.
CREATE OR REPLACE FUNCTION mfc.fields(r text) RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN r = '' THEN NULL ELSE string_to_array(r, chr(31), chr(1)) END $$;

-- The caller's office once per statement (an init plan), not once per row.
ALTER POLICY office_adds ON mfc.entries WITH CHECK (office = (SELECT mfc.my_office()));
ALTER POLICY office_adds ON mfc.heads WITH CHECK (office = (SELECT mfc.my_office()));
ALTER POLICY office_adds ON mfc.audit WITH CHECK (office = (SELECT mfc.my_office()));
ALTER POLICY office_adds ON mfc.enrolments WITH CHECK (office = (SELECT mfc.my_office()));
ALTER POLICY office_reads ON mfc.roster USING (office = (SELECT mfc.my_office()));

-- The intake of step 1 with its cached position in one setting ("n hash") next to where the
-- statement started (cur_start): one write per row instead of three, and each through an
-- assignment (PL/pgSQL evaluates those directly; a PERFORM runs a query).
CREATE OR REPLACE FUNCTION mfc.entry_in() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE r mfc.installations; old mfc.entries; prev bytea; last_n bigint; last_hash text;
        off text; pos text; ignored text;
BEGIN
  IF coalesce(current_setting('mfc.cur_inst', true), '') <> NEW.installation::text THEN
    PERFORM mfc.entries_flush_now();
    r := mfc.own_installation(NEW.installation);
    ignored := set_config('mfc.cur_inst', NEW.installation::text, true);
    ignored := set_config('mfc.cur_office', r.office, true);
    ignored := set_config('mfc.cur_start', r.last_n || ' ' || r.last_hash, true);
    ignored := set_config('mfc.cur_pos', r.last_n || ' ' || r.last_hash, true);
  END IF;
  off := current_setting('mfc.cur_office');
  pos := current_setting('mfc.cur_pos');
  last_n := split_part(pos, ' ', 1)::bigint;
  last_hash := split_part(pos, ' ', 2);
  NEW.office := off;
  NEW.received_at := now();
  IF NEW.n <= last_n THEN
    SELECT * INTO old FROM mfc.entries WHERE installation = NEW.installation AND n = NEW.n;
    IF old.mac IS DISTINCT FROM NEW.mac OR old.digest IS DISTINCT FROM NEW.digest THEN
      PERFORM mfc.audit_once(NEW.installation, off, 'rollback', NEW.n, NEW.attempt,
        format('запись журнала № %s отличается от полученной раньше: база офиса откатана, '
               'усечена или изменена; центр хранит прежнюю', NEW.n));
    END IF;
    RETURN NULL;  -- already here: sending it again changes nothing
  END IF;
  IF NEW.n <> last_n + 1 THEN
    PERFORM mfc.audit_once(NEW.installation, off, 'gap', NEW.n, NEW.attempt,
      format('пропуск в журнале: после записи № %s пришла № %s', last_n, NEW.n));
    RETURN NULL;
  END IF;
  prev := CASE WHEN last_hash = '' THEN decode(repeat('00', 32), 'hex')
               ELSE decode(last_hash, 'hex') END;
  NEW.hash := encode(sha256(prev || convert_to(format('%s|%s|%s|%s|%s|%s', NEW.n, NEW.kind,
                     NEW.attempt, NEW.seq, NEW.digest, NEW.mac), 'UTF8')), 'hex');
  ignored := set_config('mfc.cur_pos', NEW.n || ' ' || NEW.hash, true);
  IF NOT NEW.intact OR NEW.canon IS NULL THEN
    PERFORM mfc.audit_once(NEW.installation, off,
      CASE WHEN NEW.canon IS NULL THEN 'deleted' ELSE 'changed' END, NEW.n, NEW.attempt,
      CASE WHEN NEW.canon IS NULL THEN 'запись удалена из базы офиса'
           ELSE 'запись изменена после того, как программа её сделала' END
      || ' (' || NEW.kind || '): в отчёты не вошла');
    RETURN NEW;
  END IF;
  IF NEW.kind <> 'action' THEN  -- actions are kept in the journal only
    NEW.applied := mfc.apply_entry(NEW);
  END IF;
  RETURN NEW;
END $$;

-- Writes the cached position of the current installation back when the statement moved it.
CREATE OR REPLACE FUNCTION mfc.entries_flush_now() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = mfc, pg_temp AS $$
DECLARE pos text := coalesce(current_setting('mfc.cur_pos', true), '');
BEGIN
  IF pos <> '' AND pos <> coalesce(current_setting('mfc.cur_start', true), '') THEN
    UPDATE mfc.installations SET last_n = split_part(pos, ' ', 1)::bigint,
      last_hash = split_part(pos, ' ', 2), last_sync = now()
      WHERE id = current_setting('mfc.cur_inst')::uuid;
    PERFORM set_config('mfc.cur_start', pos, true);
  END IF;
END $$;

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

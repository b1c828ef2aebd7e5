-- The team server's functions, triggers, grants and row-level security: re-run by `server upgrade` (every
-- statement replaces what an older version installed).
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sew_editor') THEN CREATE ROLE sew_editor NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sew_coordinator') THEN
        CREATE ROLE sew_coordinator NOLOGIN;
    END IF;
END $$;

-- Pushes (and any write of a data table) take one lock until their commit: sequence numbers become visible in
-- order, so a pull of `seq > cursor` never skips a change.
CREATE OR REPLACE FUNCTION sew.serialise() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
BEGIN
    IF (SELECT serialise_pushes FROM sew.schema_version) THEN
        PERFORM pg_advisory_xact_lock(5370024);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION sew.may_write(p_province text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
    SELECT coalesce((SELECT m.coordinator OR p_province = ANY (m.provinces) FROM sew.member m
                     WHERE m.login = session_user), false)
$$;

CREATE OR REPLACE FUNCTION sew.current_laptop() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
    SELECT l.id FROM sew.laptop l
    WHERE l.id = nullif(current_setting('sew.laptop', true), '')::uuid AND l.login = session_user
$$;

-- The province a row belongs to, from the row itself (a region's, a municipality's, a decision's).
CREATE OR REPLACE FUNCTION sew.province_of(p_tbl text, p_row jsonb) RETURNS text LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT CASE p_tbl
        WHEN 'municipality' THEN p_row ->> 'province_nis'
        WHEN 'region' THEN p_row ->> 'province_nis'
        WHEN 'open_call' THEN NULL
        WHEN 'decision_member' THEN coalesce(
            (SELECT d.province FROM sew.subsidy_decision d WHERE d.uuid = p_row ->> 'decision_id'),
            (SELECT m.province_nis FROM sew.municipality m WHERE m.nis_code = p_row ->> 'municipality_nis'))
        WHEN 'subsidy_decision' THEN coalesce(
            (SELECT r.province_nis FROM sew.region r WHERE r.uuid = p_row ->> 'region_id'),
            (SELECT m.province_nis FROM sew.municipality m WHERE m.nis_code = p_row ->> 'lead_municipality_nis'))
        ELSE coalesce(
            (SELECT r.province_nis FROM sew.region r WHERE r.uuid = p_row ->> 'region_id'),
            (SELECT m.province_nis FROM sew.municipality m WHERE m.nis_code = p_row ->> 'municipality_nis'))
    END
$$;

CREATE OR REPLACE FUNCTION sew.set_province() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
BEGIN
    NEW.province := sew.province_of(TG_TABLE_NAME::text, to_jsonb(NEW));
    RETURN NEW;
END $$;

-- Every write of a data table, from a push or not, is logged field by field (who = the login) and kept in
-- row_state; the laptop and operation number come from the push's transaction-local settings.
CREATE OR REPLACE FUNCTION sew.log_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
DECLARE
    v_tbl text := TG_TABLE_NAME::text;
    v_laptop uuid := sew.current_laptop();
    v_op bigint := CASE WHEN v_laptop IS NULL THEN NULL
                        ELSE nullif(current_setting('sew.op_no', true), '')::bigint END;
    v_field text := nullif(current_setting('sew.field', true), '');
    v_new jsonb;
    v_seq bigint;
    v_key text;
BEGIN
    PERFORM sew.serialise();
    IF TG_OP = 'DELETE' THEN
        INSERT INTO sew.change_log (tbl, identity, action, who, laptop, op_no)
        VALUES (v_tbl, OLD.identity, 'delete', session_user, v_laptop, v_op) RETURNING seq INTO v_seq;
        UPDATE sew.row_state SET deleted = true, seq = v_seq, who = session_user, at = now(), laptop = v_laptop
        WHERE tbl = v_tbl AND identity = OLD.identity;
        RETURN NULL;
    END IF;
    v_new := to_jsonb(NEW) - 'identity' - 'province';
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sew.change_log (tbl, identity, action, value, who, laptop, op_no)
        VALUES (v_tbl, NEW.identity, 'insert', v_new, session_user, v_laptop, v_op) RETURNING seq INTO v_seq;
    ELSE
        FOR v_key IN SELECT n.key FROM jsonb_each(v_new) n
                     WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key) OR n.key = v_field ORDER BY n.key LOOP
            INSERT INTO sew.change_log (tbl, identity, action, field, value, who, laptop, op_no)
            VALUES (v_tbl, NEW.identity, 'update', v_key, v_new -> v_key, session_user, v_laptop, v_op)
            RETURNING seq INTO v_seq;
        END LOOP;
    END IF;
    INSERT INTO sew.row_state AS s (tbl, identity, province, deleted, seq, who, at, laptop)
    VALUES (v_tbl, NEW.identity, NEW.province, false, coalesce(v_seq, 0), session_user, now(), v_laptop)
    ON CONFLICT (tbl, identity) DO UPDATE SET province = excluded.province, deleted = false,
        seq = coalesce(v_seq, s.seq), who = excluded.who, at = excluded.at, laptop = excluded.laptop;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['municipality', 'open_call', 'region', 'subsidy_decision', 'membership', 'agreement',
                             'decision_member'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS set_province ON sew.%I', t);
        EXECUTE format('CREATE TRIGGER set_province BEFORE INSERT OR UPDATE ON sew.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION sew.set_province()', t);
        EXECUTE format('DROP TRIGGER IF EXISTS log_row ON sew.%I', t);
        EXECUTE format('CREATE TRIGGER log_row AFTER INSERT OR UPDATE OR DELETE ON sew.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION sew.log_row()', t);
        EXECUTE format('ALTER TABLE sew.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS everyone_reads ON sew.%I', t);
        EXECUTE format('CREATE POLICY everyone_reads ON sew.%I FOR SELECT USING (true)', t);
        EXECUTE format('DROP POLICY IF EXISTS province_inserts ON sew.%I', t);
        EXECUTE format('CREATE POLICY province_inserts ON sew.%I FOR INSERT WITH CHECK (sew.may_write(province))', t);
        EXECUTE format('DROP POLICY IF EXISTS province_updates ON sew.%I', t);
        EXECUTE format('CREATE POLICY province_updates ON sew.%I FOR UPDATE USING (sew.may_write(province))'
                       ' WITH CHECK (sew.may_write(province))', t);
        EXECUTE format('DROP POLICY IF EXISTS province_deletes ON sew.%I', t);
        EXECUTE format('CREATE POLICY province_deletes ON sew.%I FOR DELETE USING (sew.may_write(province))', t);
        IF t <> 'municipality' THEN
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON sew.%I TO sew_editor, sew_coordinator', t);
        END IF;
    END LOOP;
END $$;
-- A municipality's reference fields change only through init/upgrade (its owner): users get its user fields.
GRANT SELECT, UPDATE (vdab_contact, contacts, notes) ON sew.municipality TO sew_editor, sew_coordinator;
GRANT USAGE ON SCHEMA sew TO sew_editor, sew_coordinator;
-- The logs and bookkeeping: read by everyone, written only by the functions below (their owner's rights).
GRANT SELECT ON sew.schema_version, sew.member, sew.laptop, sew.row_state, sew.change_log, sew.conflict_log,
    sew.op_log TO sew_editor, sew_coordinator;

CREATE OR REPLACE FUNCTION sew.columns(p_tbl text) RETURNS text[] LANGUAGE sql STABLE
SET search_path = pg_catalog AS $$
    SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
    WHERE a.attrelid = ('sew.' || quote_ident(p_tbl))::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname NOT IN ('identity', 'province')
$$;

CREATE OR REPLACE FUNCTION sew.identity_of(p_tbl text, p_row jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_tbl WHEN 'municipality' THEN p_row ->> 'nis_code'
                      WHEN 'decision_member' THEN (p_row ->> 'decision_id') || '/' || (p_row ->> 'municipality_nis')
                      ELSE p_row ->> 'uuid' END
$$;

-- Why an operation cannot be read (NULL when it can).
CREATE OR REPLACE FUNCTION sew.malformed(p_op jsonb) RETURNS text LANGUAGE plpgsql STABLE
SET search_path = pg_catalog AS $$
DECLARE
    v_tbl text := p_op ->> 'table';
    v_field text := p_op ->> 'field';
    v_value jsonb := p_op -> 'value';
BEGIN
    IF v_tbl IS NULL OR v_tbl NOT IN ('municipality', 'open_call', 'region', 'subsidy_decision', 'membership',
                                      'agreement', 'decision_member') THEN
        RETURN format('unknown table %s', v_tbl);
    ELSIF p_op ->> 'action' = 'update' THEN
        IF v_field IS NULL OR NOT v_field = ANY (sew.columns(v_tbl)) THEN
            RETURN format('unknown field %s of %s', v_field, v_tbl);
        ELSIF v_field IN ('uuid', 'nis_code') OR (v_tbl = 'decision_member') THEN
            RETURN format('%s is part of the row''s identity and cannot change', v_field);
        ELSIF jsonb_typeof(v_value) IN ('object', 'array') THEN
            RETURN 'an update carries one value';
        END IF;
    ELSIF p_op ->> 'action' = 'insert' THEN
        IF jsonb_typeof(v_value) IS DISTINCT FROM 'object'
           OR EXISTS (SELECT FROM jsonb_object_keys(v_value) k WHERE NOT k = ANY (sew.columns(v_tbl))) THEN
            RETURN format('an insert carries a whole row of %s', v_tbl);
        ELSIF sew.identity_of(v_tbl, v_value) IS DISTINCT FROM p_op ->> 'identity' THEN
            RETURN 'the row does not match its identity';
        END IF;
    ELSIF p_op ->> 'action' IS DISTINCT FROM 'delete' THEN
        RETURN format('unknown action %s', p_op ->> 'action');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION sew.row_value(p_tbl text, p_identity text, p_field text) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
DECLARE v_row jsonb;
BEGIN
    EXECUTE format('SELECT to_jsonb(t) - ''identity'' - ''province'' FROM sew.%I t WHERE t.identity = $1', p_tbl)
        INTO v_row USING p_identity;
    RETURN CASE WHEN p_field IS NULL THEN v_row ELSE v_row -> p_field END;
END $$;

-- A conflict outcome when the server changed what the operation touches since `base_seq` (another laptop, or
-- a change made outside any laptop), else NULL.
CREATE OR REPLACE FUNCTION sew.find_conflict(p_laptop uuid, p_op jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE
SET search_path = pg_catalog AS $$
DECLARE
    v_tbl text := p_op ->> 'table';
    v_id text := p_op ->> 'identity';
    v_action text := p_op ->> 'action';
    v_field text := CASE WHEN v_action = 'update' THEN p_op ->> 'field' END;
    v_state sew.row_state;
    v_change sew.change_log;
BEGIN
    SELECT * INTO v_state FROM sew.row_state s WHERE s.tbl = v_tbl AND s.identity = v_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v_change FROM sew.change_log c
    WHERE c.tbl = v_tbl AND c.identity = v_id AND c.seq > coalesce((p_op ->> 'base_seq')::bigint, 0)
      AND c.laptop IS DISTINCT FROM p_laptop AND (v_field IS NULL OR c.field IS NULL OR c.field = v_field)
    ORDER BY c.seq DESC LIMIT 1;
    IF v_state.deleted AND (v_action <> 'insert' OR v_change.seq IS NOT NULL) THEN
        RETURN jsonb_build_object('status', 'conflict', 'seq', v_state.seq, 'server_value', NULL,
                                  'server_who', v_state.who, 'server_at', v_state.at);
    ELSIF (NOT v_state.deleted AND v_action = 'insert') OR (v_change.seq IS NOT NULL AND NOT v_state.deleted) THEN
        RETURN jsonb_build_object('status', 'conflict', 'seq', coalesce(v_change.seq, v_state.seq),
                                  'server_value', sew.row_value(v_tbl, v_id, v_field),
                                  'server_who', coalesce(v_change.who, v_state.who),
                                  'server_at', coalesce(v_change.at, v_state.at));
    END IF;
    RETURN NULL;
END $$;

-- The write of one operation, with the caller's rights (row-level security decides). Returns its sequence.
CREATE OR REPLACE FUNCTION sew.write(p_laptop uuid, p_op jsonb) RETURNS bigint LANGUAGE plpgsql
SET search_path = pg_catalog AS $$
DECLARE
    v_tbl text := p_op ->> 'table';
    v_id text := p_op ->> 'identity';
    v_field text := p_op ->> 'field';
    v_value jsonb := p_op -> 'value';
    v_count bigint;
    v_exists boolean;
BEGIN
    IF p_op ->> 'action' = 'insert' THEN
        EXECUTE format('INSERT INTO sew.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::sew.%1$I, $1)',
                       v_tbl, (SELECT string_agg(quote_ident(k), ', ') FROM jsonb_object_keys(v_value) k))
            USING v_value;
    ELSIF p_op ->> 'action' = 'update' THEN
        EXECUTE format('UPDATE sew.%1$I t SET %2$I = r.%2$I FROM jsonb_populate_record(NULL::sew.%1$I, $1) r'
                       ' WHERE t.identity = $2', v_tbl, v_field) USING jsonb_build_object(v_field, v_value), v_id;
    ELSE
        EXECUTE format('DELETE FROM sew.%I WHERE identity = $1', v_tbl) USING v_id;
    END IF;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count = 0 THEN  -- a row the caller may read but not write is invisible to UPDATE and DELETE
        EXECUTE format('SELECT EXISTS (SELECT FROM sew.%I WHERE identity = $1)', v_tbl) INTO v_exists USING v_id;
        IF v_exists THEN
            RAISE EXCEPTION 'row outside your provinces' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'no such row on the server' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN (SELECT max(c.seq) FROM sew.change_log c
            WHERE c.laptop = p_laptop AND c.op_no = (p_op ->> 'op_no')::bigint);
END $$;

CREATE OR REPLACE FUNCTION sew.refusal(p_tbl text, p_message text) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog AS $$
    SELECT CASE
        WHEN p_tbl = 'municipality' AND p_message LIKE 'permission denied%'
            THEN 'a municipality''s reference data changes only through server init or upgrade'
        WHEN p_tbl = 'open_call' THEN 'only a coordinator may change open calls'
        ELSE format('outside the provinces of %s', session_user)
    END
$$;

-- One operation: malformed and conflicts answered first; the write in its own savepoint, so that a refusal
-- (row-level security, a constraint) is this operation's answer and never the whole push's.
CREATE OR REPLACE FUNCTION sew.apply_op(p_laptop uuid, p_op jsonb) RETURNS jsonb LANGUAGE plpgsql
SET search_path = pg_catalog AS $$
DECLARE
    v_no jsonb := p_op -> 'op_no';
    v_answer jsonb := NULL;
    v_reason text := sew.malformed(p_op);
BEGIN
    IF v_reason IS NOT NULL THEN
        RETURN jsonb_build_object('op_no', v_no, 'status', 'refused', 'reason', v_reason);
    END IF;
    v_answer := sew.find_conflict(p_laptop, p_op);
    IF v_answer IS NOT NULL THEN
        RETURN v_answer || jsonb_build_object('op_no', v_no);
    END IF;
    PERFORM set_config('sew.laptop', p_laptop::text, true), set_config('sew.op_no', v_no #>> '{}', true),
            set_config('sew.field', coalesce(p_op ->> 'field', ''), true);
    BEGIN
        v_answer := jsonb_build_object('op_no', v_no, 'status', 'applied', 'seq', sew.write(p_laptop, p_op));
    EXCEPTION
        WHEN insufficient_privilege THEN
            v_answer := jsonb_build_object('op_no', v_no, 'status', 'refused',
                                           'reason', sew.refusal(p_op ->> 'table', SQLERRM));
        WHEN OTHERS THEN
            v_answer := jsonb_build_object('op_no', v_no, 'status', 'refused', 'reason', SQLERRM);
    END;
    PERFORM set_config('sew.laptop', '', true), set_config('sew.op_no', '', true), set_config('sew.field', '', true);
    RETURN v_answer;
END $$;

-- Binds a new laptop id to the caller's login; returns the login it is bound to.
CREATE OR REPLACE FUNCTION sew.claim_laptop(p_laptop uuid) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
BEGIN
    INSERT INTO sew.laptop (id, login) VALUES (p_laptop, session_user) ON CONFLICT (id) DO NOTHING;
    RETURN (SELECT l.login FROM sew.laptop l WHERE l.id = p_laptop);
END $$;

-- Keeps an answer for replays, and a conflict in the conflict log (append-only: only this function writes).
CREATE OR REPLACE FUNCTION sew.answer(p_laptop uuid, p_op jsonb, p_outcome jsonb) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM sew.laptop l WHERE l.id = p_laptop AND l.login = session_user) THEN
        RAISE EXCEPTION 'laptop % is not registered by %', p_laptop, session_user USING ERRCODE = '42501';
    END IF;
    INSERT INTO sew.op_log (laptop, op_no, outcome) VALUES (p_laptop, (p_op ->> 'op_no')::bigint, p_outcome);
    IF p_outcome ->> 'status' = 'conflict' THEN
        INSERT INTO sew.conflict_log (who, laptop, op_no, tbl, identity, action, field, value, server_value,
                                      server_who, server_at, server_seq)
        VALUES (session_user, p_laptop, (p_op ->> 'op_no')::bigint, p_op ->> 'table', p_op ->> 'identity',
                p_op ->> 'action', p_op ->> 'field', p_op -> 'value', p_outcome -> 'server_value',
                p_outcome ->> 'server_who', (p_outcome ->> 'server_at')::timestamptz,
                (p_outcome ->> 'seq')::bigint);
    END IF;
END $$;

-- A push: one transaction, serialised; per operation in op_no order a stored answer (a replay) or a new one.
CREATE OR REPLACE FUNCTION sew.push(p_laptop uuid, p_ops jsonb) RETURNS jsonb LANGUAGE plpgsql
SET search_path = pg_catalog AS $$
DECLARE
    v_op jsonb;
    v_stored jsonb;
    v_answer jsonb;
    v_result jsonb := '[]';
BEGIN
    IF sew.claim_laptop(p_laptop) IS DISTINCT FROM session_user THEN
        RETURN coalesce((SELECT jsonb_agg(jsonb_build_object('op_no', o -> 'op_no', 'status', 'refused',
                                          'reason', 'this laptop id is registered by another login'))
                         FROM jsonb_array_elements(p_ops) o), '[]');
    END IF;
    PERFORM sew.serialise();
    FOR v_op IN SELECT o FROM jsonb_array_elements(p_ops) o ORDER BY (o ->> 'op_no')::bigint LOOP
        SELECT l.outcome INTO v_stored FROM sew.op_log l
        WHERE l.laptop = p_laptop AND l.op_no = (v_op ->> 'op_no')::bigint;
        IF FOUND THEN
            v_result := v_result || jsonb_build_array(v_stored);
            CONTINUE;
        END IF;
        v_answer := sew.apply_op(p_laptop, v_op);
        PERFORM sew.answer(p_laptop, v_op, v_answer);
        v_result := v_result || jsonb_build_array(v_answer);
    END LOOP;
    RETURN v_result;
END $$;

REVOKE ALL ON FUNCTION sew.answer(uuid, jsonb, jsonb), sew.claim_laptop(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sew.answer(uuid, jsonb, jsonb), sew.claim_laptop(uuid) TO sew_editor, sew_coordinator;

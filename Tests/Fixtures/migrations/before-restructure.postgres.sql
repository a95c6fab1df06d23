--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit_entries_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entries_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: _fluent_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public._fluent_migrations (
    id uuid NOT NULL,
    name text NOT NULL,
    batch bigint NOT NULL,
    created_at timestamp with time zone,
    updated_at timestamp with time zone
);


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id uuid NOT NULL,
    token_hash text NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: assessment_schemes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_schemes (
    code text NOT NULL,
    scheme text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by text NOT NULL
);


--
-- Name: attachments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attachments (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    purpose text NOT NULL,
    content_type text NOT NULL,
    byte_size bigint NOT NULL,
    sha256 text NOT NULL,
    storage_key text NOT NULL,
    uploader text NOT NULL,
    uploader_id uuid,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: audit_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entries (
    id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    action text NOT NULL,
    result text NOT NULL,
    actor_id uuid,
    actor_name text NOT NULL,
    actor_role text,
    division_code text,
    target text,
    ip text,
    request_id text,
    detail text
);


--
-- Name: buildings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.buildings (
    id uuid NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    latitude double precision,
    longitude double precision
);


--
-- Name: calendar_days; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_days (
    day text NOT NULL,
    kind text NOT NULL,
    name text
);


--
-- Name: categories; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.categories (
    code text NOT NULL,
    name text NOT NULL,
    parent_code text,
    default_department_code text,
    sla_policy_code text NOT NULL,
    active boolean NOT NULL
);


--
-- Name: category_attributes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.category_attributes (
    id uuid NOT NULL,
    category_code text NOT NULL,
    code text NOT NULL,
    datatype text NOT NULL,
    required boolean NOT NULL,
    sort_order bigint NOT NULL,
    description text NOT NULL,
    allowed_values text NOT NULL
);


--
-- Name: classification_corrections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.classification_corrections (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    text text NOT NULL,
    suggested_label text NOT NULL,
    chosen_label text NOT NULL,
    model_version bigint NOT NULL,
    user_id uuid,
    at timestamp with time zone NOT NULL
);


--
-- Name: classifier_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.classifier_models (
    id uuid NOT NULL,
    version bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    source text NOT NULL,
    example_count bigint NOT NULL,
    labels text NOT NULL,
    macro_f1 double precision,
    sha256 text NOT NULL,
    size bigint NOT NULL,
    data bytea NOT NULL,
    disabled boolean NOT NULL,
    created_by text
);


--
-- Name: cs_activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_activities (
    id uuid NOT NULL,
    community_code text NOT NULL,
    title text NOT NULL,
    place text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    capacity bigint NOT NULL,
    checkin_code text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: cs_activity_signups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_activity_signups (
    id uuid NOT NULL,
    activity_id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    community_code text NOT NULL,
    signed_up_at timestamp with time zone NOT NULL,
    checked_in_at timestamp with time zone,
    checked_out_at timestamp with time zone,
    checked_by text,
    minutes bigint
);


--
-- Name: cs_earn_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_earn_rules (
    community_code text NOT NULL,
    points_per_hour bigint NOT NULL,
    rounding text NOT NULL,
    points_per_wish bigint NOT NULL,
    points_per_event bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: cs_exchanges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_exchanges (
    id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    goods_id uuid NOT NULL,
    community_code text NOT NULL,
    quantity bigint NOT NULL,
    points bigint NOT NULL,
    recorded_by uuid NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: cs_merchant_goods; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_merchant_goods (
    id uuid NOT NULL,
    merchant_id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    points bigint NOT NULL,
    stock bigint NOT NULL
);


--
-- Name: cs_merchants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_merchants (
    id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    address text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: cs_points_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_points_entries (
    id uuid NOT NULL,
    volunteer_id uuid NOT NULL,
    community_code text NOT NULL,
    amount bigint NOT NULL,
    reason text NOT NULL,
    reference_id uuid NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: cs_service_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_service_items (
    id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: cs_service_order_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_service_order_events (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    sequence bigint NOT NULL,
    action text NOT NULL,
    from_status text,
    to_status text NOT NULL,
    actor text NOT NULL,
    volunteer_id uuid,
    note text,
    at timestamp with time zone NOT NULL
);


--
-- Name: cs_service_orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_service_orders (
    id uuid NOT NULL,
    tracking_code text NOT NULL,
    community_code text NOT NULL,
    item_id uuid NOT NULL,
    item_name text NOT NULL,
    resident_name text NOT NULL,
    phone_cipher bytea NOT NULL,
    address text NOT NULL,
    note text NOT NULL,
    status text NOT NULL,
    volunteer_id uuid,
    source text NOT NULL,
    ordered_by uuid,
    completion_note text,
    satisfaction text,
    solved boolean,
    comment text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    events bigint NOT NULL
);


--
-- Name: cs_stations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_stations (
    id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    address text NOT NULL,
    latitude double precision NOT NULL,
    longitude double precision NOT NULL,
    services text NOT NULL,
    opening_hours text NOT NULL,
    phone text NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: cs_volunteer_teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_volunteer_teams (
    id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: cs_volunteers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_volunteers (
    id uuid NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    phone_cipher bytea NOT NULL,
    phone_index text NOT NULL,
    team_id uuid,
    party_member boolean NOT NULL,
    in_service boolean NOT NULL,
    workplace text,
    registered_at timestamp with time zone NOT NULL,
    link_token_hash text
);


--
-- Name: cs_wishes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cs_wishes (
    id uuid NOT NULL,
    community_code text NOT NULL,
    resident_name text NOT NULL,
    phone_cipher bytea,
    title text NOT NULL,
    details text NOT NULL,
    status text NOT NULL,
    claimant_kind text,
    claimant_name text,
    volunteer_id uuid,
    claimed_at timestamp with time zone,
    fulfilment_note text,
    photo_key text,
    photo_type text,
    fulfilled_at timestamp with time zone,
    confirmed_at timestamp with time zone,
    posted_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: departments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.departments (
    id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    division_code text NOT NULL,
    active boolean NOT NULL
);


--
-- Name: divisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.divisions (
    code text NOT NULL,
    name text NOT NULL,
    level text NOT NULL,
    parent_code text,
    valid_from timestamp with time zone,
    valid_to timestamp with time zone,
    updated_at timestamp with time zone
);


--
-- Name: file_blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.file_blobs (
    key text NOT NULL,
    data bytea NOT NULL
);


--
-- Name: grid_change_reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid_change_reviews (
    id uuid NOT NULL,
    change_id uuid NOT NULL,
    round bigint NOT NULL,
    reviewer_id uuid NOT NULL,
    reviewer_name text NOT NULL,
    reviewer_role text NOT NULL,
    department_id uuid,
    decision text NOT NULL,
    comment text NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: grid_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid_changes (
    id uuid NOT NULL,
    division_code text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    reason text NOT NULL,
    status text NOT NULL,
    round bigint NOT NULL,
    grids text NOT NULL,
    retiring text NOT NULL,
    proposed_by uuid NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    effective_on text,
    decided_by uuid,
    applied_at timestamp with time zone,
    failure text
);


--
-- Name: grid_clusters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid_clusters (
    id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    division_code text NOT NULL,
    grid_codes text NOT NULL,
    leader_id uuid,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: grid_staff; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid_staff (
    id uuid NOT NULL,
    grid_code text NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone
);


--
-- Name: grids; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grids (
    id uuid NOT NULL,
    code text NOT NULL,
    version bigint NOT NULL,
    name text NOT NULL,
    community_code text NOT NULL,
    geometry text NOT NULL,
    generated boolean NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone
);


--
-- Name: hotspot_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.hotspot_runs (
    id uuid NOT NULL,
    slot text NOT NULL,
    window_end timestamp with time zone NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    parameters text NOT NULL,
    order_count bigint NOT NULL,
    hotspot_count bigint NOT NULL,
    duration_ms double precision NOT NULL
);


--
-- Name: hotspots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.hotspots (
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    division_code text NOT NULL,
    main_division_code text NOT NULL,
    latitude double precision NOT NULL,
    longitude double precision NOT NULL,
    radius_m double precision NOT NULL,
    order_count bigint NOT NULL,
    previous_count bigint NOT NULL,
    trend text NOT NULL,
    category_code text NOT NULL,
    categories text NOT NULL,
    first_at timestamp with time zone NOT NULL,
    last_at timestamp with time zone NOT NULL,
    member_ids text NOT NULL,
    sample_ids text NOT NULL,
    status text NOT NULL,
    task_order_id uuid,
    handled_by uuid,
    handled_at timestamp with time zone,
    note text
);


--
-- Name: households; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.households (
    id uuid NOT NULL,
    building_id uuid NOT NULL,
    door text NOT NULL,
    address text NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    head_resident_id uuid,
    tags text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: intelligence_parameters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.intelligence_parameters (
    name text NOT NULL,
    value text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by text NOT NULL
);


--
-- Name: mediation_cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mediation_cases (
    id uuid NOT NULL,
    division_code text NOT NULL,
    grid_code text,
    dispute_type text NOT NULL,
    summary text NOT NULL,
    received_on text NOT NULL,
    outcome text,
    agreement_text text,
    concluded_on text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: mediation_mediators; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mediation_mediators (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    name text NOT NULL
);


--
-- Name: mediation_parties; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mediation_parties (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    "position" bigint NOT NULL,
    side text NOT NULL,
    name_cipher bytea NOT NULL,
    phone_cipher bytea,
    phone_index text
);


--
-- Name: mediation_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mediation_sessions (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    held_at timestamp with time zone NOT NULL,
    place text NOT NULL,
    note text NOT NULL,
    recorded_by uuid NOT NULL
);


--
-- Name: meeting_opinions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meeting_opinions (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    "position" bigint NOT NULL,
    topic_id uuid,
    speaker text NOT NULL,
    content text NOT NULL,
    outcome text NOT NULL,
    answer text,
    order_id uuid,
    order_number text,
    resolved_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: meeting_topic_supports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meeting_topic_supports (
    id uuid NOT NULL,
    topic_id uuid NOT NULL,
    supporter_index text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: meeting_topics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meeting_topics (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    title text NOT NULL,
    detail text NOT NULL,
    proposer text NOT NULL,
    supports bigint NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: meetings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meetings (
    id uuid NOT NULL,
    division_code text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    place text NOT NULL,
    scheduled_at timestamp with time zone NOT NULL,
    stage text NOT NULL,
    minutes text,
    attendance bigint,
    held_at timestamp with time zone,
    published_at timestamp with time zone,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id uuid NOT NULL,
    user_id uuid,
    department_id uuid,
    division_code text,
    role text,
    order_id uuid,
    kind text NOT NULL,
    text text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone
);


--
-- Name: open311_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.open311_keys (
    id uuid NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL,
    per_minute bigint NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: order_rollup_facts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_rollup_facts (
    order_id uuid NOT NULL,
    day text NOT NULL,
    city text NOT NULL,
    county text NOT NULL,
    township text NOT NULL,
    community text NOT NULL,
    grid text NOT NULL,
    department_id text NOT NULL,
    category_code text NOT NULL,
    channel text NOT NULL,
    request_kind text NOT NULL,
    overdue_after double precision,
    created_at double precision NOT NULL,
    fact text NOT NULL
);


--
-- Name: order_rollup_summary; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_rollup_summary (
    level text NOT NULL,
    dimension text NOT NULL,
    grain text NOT NULL,
    bucket text NOT NULL,
    node text NOT NULL,
    value text NOT NULL,
    received bigint DEFAULT 0 NOT NULL,
    cancelled bigint DEFAULT 0 NOT NULL,
    merged bigint DEFAULT 0 NOT NULL,
    dispatched bigint DEFAULT 0 NOT NULL,
    open bigint DEFAULT 0 NOT NULL,
    shelved bigint DEFAULT 0 NOT NULL,
    completed bigint DEFAULT 0 NOT NULL,
    completed_once bigint DEFAULT 0 NOT NULL,
    closed bigint DEFAULT 0 NOT NULL,
    evaluated bigint DEFAULT 0 NOT NULL,
    satisfied bigint DEFAULT 0 NOT NULL,
    basically_satisfied bigint DEFAULT 0 NOT NULL,
    dissatisfied bigint DEFAULT 0 NOT NULL,
    solved bigint DEFAULT 0 NOT NULL,
    reopened bigint DEFAULT 0 NOT NULL,
    reopenings bigint DEFAULT 0 NOT NULL,
    extended bigint DEFAULT 0 NOT NULL,
    extensions bigint DEFAULT 0 NOT NULL,
    create_started bigint DEFAULT 0 NOT NULL,
    create_stopped bigint DEFAULT 0 NOT NULL,
    create_met bigint DEFAULT 0 NOT NULL,
    create_seconds bigint DEFAULT 0 NOT NULL,
    create_h0 bigint DEFAULT 0 NOT NULL,
    create_h1 bigint DEFAULT 0 NOT NULL,
    create_h2 bigint DEFAULT 0 NOT NULL,
    create_h3 bigint DEFAULT 0 NOT NULL,
    create_h4 bigint DEFAULT 0 NOT NULL,
    create_h5 bigint DEFAULT 0 NOT NULL,
    create_h6 bigint DEFAULT 0 NOT NULL,
    create_h7 bigint DEFAULT 0 NOT NULL,
    create_h8 bigint DEFAULT 0 NOT NULL,
    create_h9 bigint DEFAULT 0 NOT NULL,
    create_h10 bigint DEFAULT 0 NOT NULL,
    create_h11 bigint DEFAULT 0 NOT NULL,
    create_h12 bigint DEFAULT 0 NOT NULL,
    create_h13 bigint DEFAULT 0 NOT NULL,
    create_h14 bigint DEFAULT 0 NOT NULL,
    create_h15 bigint DEFAULT 0 NOT NULL,
    create_h16 bigint DEFAULT 0 NOT NULL,
    create_h17 bigint DEFAULT 0 NOT NULL,
    create_h18 bigint DEFAULT 0 NOT NULL,
    create_h19 bigint DEFAULT 0 NOT NULL,
    dispatch_started bigint DEFAULT 0 NOT NULL,
    dispatch_stopped bigint DEFAULT 0 NOT NULL,
    dispatch_met bigint DEFAULT 0 NOT NULL,
    dispatch_seconds bigint DEFAULT 0 NOT NULL,
    dispatch_h0 bigint DEFAULT 0 NOT NULL,
    dispatch_h1 bigint DEFAULT 0 NOT NULL,
    dispatch_h2 bigint DEFAULT 0 NOT NULL,
    dispatch_h3 bigint DEFAULT 0 NOT NULL,
    dispatch_h4 bigint DEFAULT 0 NOT NULL,
    dispatch_h5 bigint DEFAULT 0 NOT NULL,
    dispatch_h6 bigint DEFAULT 0 NOT NULL,
    dispatch_h7 bigint DEFAULT 0 NOT NULL,
    dispatch_h8 bigint DEFAULT 0 NOT NULL,
    dispatch_h9 bigint DEFAULT 0 NOT NULL,
    dispatch_h10 bigint DEFAULT 0 NOT NULL,
    dispatch_h11 bigint DEFAULT 0 NOT NULL,
    dispatch_h12 bigint DEFAULT 0 NOT NULL,
    dispatch_h13 bigint DEFAULT 0 NOT NULL,
    dispatch_h14 bigint DEFAULT 0 NOT NULL,
    dispatch_h15 bigint DEFAULT 0 NOT NULL,
    dispatch_h16 bigint DEFAULT 0 NOT NULL,
    dispatch_h17 bigint DEFAULT 0 NOT NULL,
    dispatch_h18 bigint DEFAULT 0 NOT NULL,
    dispatch_h19 bigint DEFAULT 0 NOT NULL,
    sign_started bigint DEFAULT 0 NOT NULL,
    sign_stopped bigint DEFAULT 0 NOT NULL,
    sign_met bigint DEFAULT 0 NOT NULL,
    sign_seconds bigint DEFAULT 0 NOT NULL,
    sign_h0 bigint DEFAULT 0 NOT NULL,
    sign_h1 bigint DEFAULT 0 NOT NULL,
    sign_h2 bigint DEFAULT 0 NOT NULL,
    sign_h3 bigint DEFAULT 0 NOT NULL,
    sign_h4 bigint DEFAULT 0 NOT NULL,
    sign_h5 bigint DEFAULT 0 NOT NULL,
    sign_h6 bigint DEFAULT 0 NOT NULL,
    sign_h7 bigint DEFAULT 0 NOT NULL,
    sign_h8 bigint DEFAULT 0 NOT NULL,
    sign_h9 bigint DEFAULT 0 NOT NULL,
    sign_h10 bigint DEFAULT 0 NOT NULL,
    sign_h11 bigint DEFAULT 0 NOT NULL,
    sign_h12 bigint DEFAULT 0 NOT NULL,
    sign_h13 bigint DEFAULT 0 NOT NULL,
    sign_h14 bigint DEFAULT 0 NOT NULL,
    sign_h15 bigint DEFAULT 0 NOT NULL,
    sign_h16 bigint DEFAULT 0 NOT NULL,
    sign_h17 bigint DEFAULT 0 NOT NULL,
    sign_h18 bigint DEFAULT 0 NOT NULL,
    sign_h19 bigint DEFAULT 0 NOT NULL,
    respond_started bigint DEFAULT 0 NOT NULL,
    respond_stopped bigint DEFAULT 0 NOT NULL,
    respond_met bigint DEFAULT 0 NOT NULL,
    respond_seconds bigint DEFAULT 0 NOT NULL,
    respond_h0 bigint DEFAULT 0 NOT NULL,
    respond_h1 bigint DEFAULT 0 NOT NULL,
    respond_h2 bigint DEFAULT 0 NOT NULL,
    respond_h3 bigint DEFAULT 0 NOT NULL,
    respond_h4 bigint DEFAULT 0 NOT NULL,
    respond_h5 bigint DEFAULT 0 NOT NULL,
    respond_h6 bigint DEFAULT 0 NOT NULL,
    respond_h7 bigint DEFAULT 0 NOT NULL,
    respond_h8 bigint DEFAULT 0 NOT NULL,
    respond_h9 bigint DEFAULT 0 NOT NULL,
    respond_h10 bigint DEFAULT 0 NOT NULL,
    respond_h11 bigint DEFAULT 0 NOT NULL,
    respond_h12 bigint DEFAULT 0 NOT NULL,
    respond_h13 bigint DEFAULT 0 NOT NULL,
    respond_h14 bigint DEFAULT 0 NOT NULL,
    respond_h15 bigint DEFAULT 0 NOT NULL,
    respond_h16 bigint DEFAULT 0 NOT NULL,
    respond_h17 bigint DEFAULT 0 NOT NULL,
    respond_h18 bigint DEFAULT 0 NOT NULL,
    respond_h19 bigint DEFAULT 0 NOT NULL,
    arrive_started bigint DEFAULT 0 NOT NULL,
    arrive_stopped bigint DEFAULT 0 NOT NULL,
    arrive_met bigint DEFAULT 0 NOT NULL,
    arrive_seconds bigint DEFAULT 0 NOT NULL,
    arrive_h0 bigint DEFAULT 0 NOT NULL,
    arrive_h1 bigint DEFAULT 0 NOT NULL,
    arrive_h2 bigint DEFAULT 0 NOT NULL,
    arrive_h3 bigint DEFAULT 0 NOT NULL,
    arrive_h4 bigint DEFAULT 0 NOT NULL,
    arrive_h5 bigint DEFAULT 0 NOT NULL,
    arrive_h6 bigint DEFAULT 0 NOT NULL,
    arrive_h7 bigint DEFAULT 0 NOT NULL,
    arrive_h8 bigint DEFAULT 0 NOT NULL,
    arrive_h9 bigint DEFAULT 0 NOT NULL,
    arrive_h10 bigint DEFAULT 0 NOT NULL,
    arrive_h11 bigint DEFAULT 0 NOT NULL,
    arrive_h12 bigint DEFAULT 0 NOT NULL,
    arrive_h13 bigint DEFAULT 0 NOT NULL,
    arrive_h14 bigint DEFAULT 0 NOT NULL,
    arrive_h15 bigint DEFAULT 0 NOT NULL,
    arrive_h16 bigint DEFAULT 0 NOT NULL,
    arrive_h17 bigint DEFAULT 0 NOT NULL,
    arrive_h18 bigint DEFAULT 0 NOT NULL,
    arrive_h19 bigint DEFAULT 0 NOT NULL,
    complete_started bigint DEFAULT 0 NOT NULL,
    complete_stopped bigint DEFAULT 0 NOT NULL,
    complete_met bigint DEFAULT 0 NOT NULL,
    complete_seconds bigint DEFAULT 0 NOT NULL,
    complete_h0 bigint DEFAULT 0 NOT NULL,
    complete_h1 bigint DEFAULT 0 NOT NULL,
    complete_h2 bigint DEFAULT 0 NOT NULL,
    complete_h3 bigint DEFAULT 0 NOT NULL,
    complete_h4 bigint DEFAULT 0 NOT NULL,
    complete_h5 bigint DEFAULT 0 NOT NULL,
    complete_h6 bigint DEFAULT 0 NOT NULL,
    complete_h7 bigint DEFAULT 0 NOT NULL,
    complete_h8 bigint DEFAULT 0 NOT NULL,
    complete_h9 bigint DEFAULT 0 NOT NULL,
    complete_h10 bigint DEFAULT 0 NOT NULL,
    complete_h11 bigint DEFAULT 0 NOT NULL,
    complete_h12 bigint DEFAULT 0 NOT NULL,
    complete_h13 bigint DEFAULT 0 NOT NULL,
    complete_h14 bigint DEFAULT 0 NOT NULL,
    complete_h15 bigint DEFAULT 0 NOT NULL,
    complete_h16 bigint DEFAULT 0 NOT NULL,
    complete_h17 bigint DEFAULT 0 NOT NULL,
    complete_h18 bigint DEFAULT 0 NOT NULL,
    complete_h19 bigint DEFAULT 0 NOT NULL,
    feedback_started bigint DEFAULT 0 NOT NULL,
    feedback_stopped bigint DEFAULT 0 NOT NULL,
    feedback_met bigint DEFAULT 0 NOT NULL,
    feedback_seconds bigint DEFAULT 0 NOT NULL,
    feedback_h0 bigint DEFAULT 0 NOT NULL,
    feedback_h1 bigint DEFAULT 0 NOT NULL,
    feedback_h2 bigint DEFAULT 0 NOT NULL,
    feedback_h3 bigint DEFAULT 0 NOT NULL,
    feedback_h4 bigint DEFAULT 0 NOT NULL,
    feedback_h5 bigint DEFAULT 0 NOT NULL,
    feedback_h6 bigint DEFAULT 0 NOT NULL,
    feedback_h7 bigint DEFAULT 0 NOT NULL,
    feedback_h8 bigint DEFAULT 0 NOT NULL,
    feedback_h9 bigint DEFAULT 0 NOT NULL,
    feedback_h10 bigint DEFAULT 0 NOT NULL,
    feedback_h11 bigint DEFAULT 0 NOT NULL,
    feedback_h12 bigint DEFAULT 0 NOT NULL,
    feedback_h13 bigint DEFAULT 0 NOT NULL,
    feedback_h14 bigint DEFAULT 0 NOT NULL,
    feedback_h15 bigint DEFAULT 0 NOT NULL,
    feedback_h16 bigint DEFAULT 0 NOT NULL,
    feedback_h17 bigint DEFAULT 0 NOT NULL,
    feedback_h18 bigint DEFAULT 0 NOT NULL,
    feedback_h19 bigint DEFAULT 0 NOT NULL
);


--
-- Name: order_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_rollups (
    day text NOT NULL,
    city text NOT NULL,
    county text NOT NULL,
    township text NOT NULL,
    community text NOT NULL,
    grid text NOT NULL,
    department_id text NOT NULL,
    category_code text NOT NULL,
    channel text NOT NULL,
    request_kind text NOT NULL,
    received bigint DEFAULT 0 NOT NULL,
    cancelled bigint DEFAULT 0 NOT NULL,
    merged bigint DEFAULT 0 NOT NULL,
    dispatched bigint DEFAULT 0 NOT NULL,
    open bigint DEFAULT 0 NOT NULL,
    shelved bigint DEFAULT 0 NOT NULL,
    completed bigint DEFAULT 0 NOT NULL,
    completed_once bigint DEFAULT 0 NOT NULL,
    closed bigint DEFAULT 0 NOT NULL,
    evaluated bigint DEFAULT 0 NOT NULL,
    satisfied bigint DEFAULT 0 NOT NULL,
    basically_satisfied bigint DEFAULT 0 NOT NULL,
    dissatisfied bigint DEFAULT 0 NOT NULL,
    solved bigint DEFAULT 0 NOT NULL,
    reopened bigint DEFAULT 0 NOT NULL,
    reopenings bigint DEFAULT 0 NOT NULL,
    extended bigint DEFAULT 0 NOT NULL,
    extensions bigint DEFAULT 0 NOT NULL,
    create_started bigint DEFAULT 0 NOT NULL,
    create_stopped bigint DEFAULT 0 NOT NULL,
    create_met bigint DEFAULT 0 NOT NULL,
    create_seconds bigint DEFAULT 0 NOT NULL,
    create_h0 bigint DEFAULT 0 NOT NULL,
    create_h1 bigint DEFAULT 0 NOT NULL,
    create_h2 bigint DEFAULT 0 NOT NULL,
    create_h3 bigint DEFAULT 0 NOT NULL,
    create_h4 bigint DEFAULT 0 NOT NULL,
    create_h5 bigint DEFAULT 0 NOT NULL,
    create_h6 bigint DEFAULT 0 NOT NULL,
    create_h7 bigint DEFAULT 0 NOT NULL,
    create_h8 bigint DEFAULT 0 NOT NULL,
    create_h9 bigint DEFAULT 0 NOT NULL,
    create_h10 bigint DEFAULT 0 NOT NULL,
    create_h11 bigint DEFAULT 0 NOT NULL,
    create_h12 bigint DEFAULT 0 NOT NULL,
    create_h13 bigint DEFAULT 0 NOT NULL,
    create_h14 bigint DEFAULT 0 NOT NULL,
    create_h15 bigint DEFAULT 0 NOT NULL,
    create_h16 bigint DEFAULT 0 NOT NULL,
    create_h17 bigint DEFAULT 0 NOT NULL,
    create_h18 bigint DEFAULT 0 NOT NULL,
    create_h19 bigint DEFAULT 0 NOT NULL,
    dispatch_started bigint DEFAULT 0 NOT NULL,
    dispatch_stopped bigint DEFAULT 0 NOT NULL,
    dispatch_met bigint DEFAULT 0 NOT NULL,
    dispatch_seconds bigint DEFAULT 0 NOT NULL,
    dispatch_h0 bigint DEFAULT 0 NOT NULL,
    dispatch_h1 bigint DEFAULT 0 NOT NULL,
    dispatch_h2 bigint DEFAULT 0 NOT NULL,
    dispatch_h3 bigint DEFAULT 0 NOT NULL,
    dispatch_h4 bigint DEFAULT 0 NOT NULL,
    dispatch_h5 bigint DEFAULT 0 NOT NULL,
    dispatch_h6 bigint DEFAULT 0 NOT NULL,
    dispatch_h7 bigint DEFAULT 0 NOT NULL,
    dispatch_h8 bigint DEFAULT 0 NOT NULL,
    dispatch_h9 bigint DEFAULT 0 NOT NULL,
    dispatch_h10 bigint DEFAULT 0 NOT NULL,
    dispatch_h11 bigint DEFAULT 0 NOT NULL,
    dispatch_h12 bigint DEFAULT 0 NOT NULL,
    dispatch_h13 bigint DEFAULT 0 NOT NULL,
    dispatch_h14 bigint DEFAULT 0 NOT NULL,
    dispatch_h15 bigint DEFAULT 0 NOT NULL,
    dispatch_h16 bigint DEFAULT 0 NOT NULL,
    dispatch_h17 bigint DEFAULT 0 NOT NULL,
    dispatch_h18 bigint DEFAULT 0 NOT NULL,
    dispatch_h19 bigint DEFAULT 0 NOT NULL,
    sign_started bigint DEFAULT 0 NOT NULL,
    sign_stopped bigint DEFAULT 0 NOT NULL,
    sign_met bigint DEFAULT 0 NOT NULL,
    sign_seconds bigint DEFAULT 0 NOT NULL,
    sign_h0 bigint DEFAULT 0 NOT NULL,
    sign_h1 bigint DEFAULT 0 NOT NULL,
    sign_h2 bigint DEFAULT 0 NOT NULL,
    sign_h3 bigint DEFAULT 0 NOT NULL,
    sign_h4 bigint DEFAULT 0 NOT NULL,
    sign_h5 bigint DEFAULT 0 NOT NULL,
    sign_h6 bigint DEFAULT 0 NOT NULL,
    sign_h7 bigint DEFAULT 0 NOT NULL,
    sign_h8 bigint DEFAULT 0 NOT NULL,
    sign_h9 bigint DEFAULT 0 NOT NULL,
    sign_h10 bigint DEFAULT 0 NOT NULL,
    sign_h11 bigint DEFAULT 0 NOT NULL,
    sign_h12 bigint DEFAULT 0 NOT NULL,
    sign_h13 bigint DEFAULT 0 NOT NULL,
    sign_h14 bigint DEFAULT 0 NOT NULL,
    sign_h15 bigint DEFAULT 0 NOT NULL,
    sign_h16 bigint DEFAULT 0 NOT NULL,
    sign_h17 bigint DEFAULT 0 NOT NULL,
    sign_h18 bigint DEFAULT 0 NOT NULL,
    sign_h19 bigint DEFAULT 0 NOT NULL,
    respond_started bigint DEFAULT 0 NOT NULL,
    respond_stopped bigint DEFAULT 0 NOT NULL,
    respond_met bigint DEFAULT 0 NOT NULL,
    respond_seconds bigint DEFAULT 0 NOT NULL,
    respond_h0 bigint DEFAULT 0 NOT NULL,
    respond_h1 bigint DEFAULT 0 NOT NULL,
    respond_h2 bigint DEFAULT 0 NOT NULL,
    respond_h3 bigint DEFAULT 0 NOT NULL,
    respond_h4 bigint DEFAULT 0 NOT NULL,
    respond_h5 bigint DEFAULT 0 NOT NULL,
    respond_h6 bigint DEFAULT 0 NOT NULL,
    respond_h7 bigint DEFAULT 0 NOT NULL,
    respond_h8 bigint DEFAULT 0 NOT NULL,
    respond_h9 bigint DEFAULT 0 NOT NULL,
    respond_h10 bigint DEFAULT 0 NOT NULL,
    respond_h11 bigint DEFAULT 0 NOT NULL,
    respond_h12 bigint DEFAULT 0 NOT NULL,
    respond_h13 bigint DEFAULT 0 NOT NULL,
    respond_h14 bigint DEFAULT 0 NOT NULL,
    respond_h15 bigint DEFAULT 0 NOT NULL,
    respond_h16 bigint DEFAULT 0 NOT NULL,
    respond_h17 bigint DEFAULT 0 NOT NULL,
    respond_h18 bigint DEFAULT 0 NOT NULL,
    respond_h19 bigint DEFAULT 0 NOT NULL,
    arrive_started bigint DEFAULT 0 NOT NULL,
    arrive_stopped bigint DEFAULT 0 NOT NULL,
    arrive_met bigint DEFAULT 0 NOT NULL,
    arrive_seconds bigint DEFAULT 0 NOT NULL,
    arrive_h0 bigint DEFAULT 0 NOT NULL,
    arrive_h1 bigint DEFAULT 0 NOT NULL,
    arrive_h2 bigint DEFAULT 0 NOT NULL,
    arrive_h3 bigint DEFAULT 0 NOT NULL,
    arrive_h4 bigint DEFAULT 0 NOT NULL,
    arrive_h5 bigint DEFAULT 0 NOT NULL,
    arrive_h6 bigint DEFAULT 0 NOT NULL,
    arrive_h7 bigint DEFAULT 0 NOT NULL,
    arrive_h8 bigint DEFAULT 0 NOT NULL,
    arrive_h9 bigint DEFAULT 0 NOT NULL,
    arrive_h10 bigint DEFAULT 0 NOT NULL,
    arrive_h11 bigint DEFAULT 0 NOT NULL,
    arrive_h12 bigint DEFAULT 0 NOT NULL,
    arrive_h13 bigint DEFAULT 0 NOT NULL,
    arrive_h14 bigint DEFAULT 0 NOT NULL,
    arrive_h15 bigint DEFAULT 0 NOT NULL,
    arrive_h16 bigint DEFAULT 0 NOT NULL,
    arrive_h17 bigint DEFAULT 0 NOT NULL,
    arrive_h18 bigint DEFAULT 0 NOT NULL,
    arrive_h19 bigint DEFAULT 0 NOT NULL,
    complete_started bigint DEFAULT 0 NOT NULL,
    complete_stopped bigint DEFAULT 0 NOT NULL,
    complete_met bigint DEFAULT 0 NOT NULL,
    complete_seconds bigint DEFAULT 0 NOT NULL,
    complete_h0 bigint DEFAULT 0 NOT NULL,
    complete_h1 bigint DEFAULT 0 NOT NULL,
    complete_h2 bigint DEFAULT 0 NOT NULL,
    complete_h3 bigint DEFAULT 0 NOT NULL,
    complete_h4 bigint DEFAULT 0 NOT NULL,
    complete_h5 bigint DEFAULT 0 NOT NULL,
    complete_h6 bigint DEFAULT 0 NOT NULL,
    complete_h7 bigint DEFAULT 0 NOT NULL,
    complete_h8 bigint DEFAULT 0 NOT NULL,
    complete_h9 bigint DEFAULT 0 NOT NULL,
    complete_h10 bigint DEFAULT 0 NOT NULL,
    complete_h11 bigint DEFAULT 0 NOT NULL,
    complete_h12 bigint DEFAULT 0 NOT NULL,
    complete_h13 bigint DEFAULT 0 NOT NULL,
    complete_h14 bigint DEFAULT 0 NOT NULL,
    complete_h15 bigint DEFAULT 0 NOT NULL,
    complete_h16 bigint DEFAULT 0 NOT NULL,
    complete_h17 bigint DEFAULT 0 NOT NULL,
    complete_h18 bigint DEFAULT 0 NOT NULL,
    complete_h19 bigint DEFAULT 0 NOT NULL,
    feedback_started bigint DEFAULT 0 NOT NULL,
    feedback_stopped bigint DEFAULT 0 NOT NULL,
    feedback_met bigint DEFAULT 0 NOT NULL,
    feedback_seconds bigint DEFAULT 0 NOT NULL,
    feedback_h0 bigint DEFAULT 0 NOT NULL,
    feedback_h1 bigint DEFAULT 0 NOT NULL,
    feedback_h2 bigint DEFAULT 0 NOT NULL,
    feedback_h3 bigint DEFAULT 0 NOT NULL,
    feedback_h4 bigint DEFAULT 0 NOT NULL,
    feedback_h5 bigint DEFAULT 0 NOT NULL,
    feedback_h6 bigint DEFAULT 0 NOT NULL,
    feedback_h7 bigint DEFAULT 0 NOT NULL,
    feedback_h8 bigint DEFAULT 0 NOT NULL,
    feedback_h9 bigint DEFAULT 0 NOT NULL,
    feedback_h10 bigint DEFAULT 0 NOT NULL,
    feedback_h11 bigint DEFAULT 0 NOT NULL,
    feedback_h12 bigint DEFAULT 0 NOT NULL,
    feedback_h13 bigint DEFAULT 0 NOT NULL,
    feedback_h14 bigint DEFAULT 0 NOT NULL,
    feedback_h15 bigint DEFAULT 0 NOT NULL,
    feedback_h16 bigint DEFAULT 0 NOT NULL,
    feedback_h17 bigint DEFAULT 0 NOT NULL,
    feedback_h18 bigint DEFAULT 0 NOT NULL,
    feedback_h19 bigint DEFAULT 0 NOT NULL
);


--
-- Name: pairings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pairings (
    id uuid NOT NULL,
    kind text NOT NULL,
    person_name text NOT NULL,
    person_id uuid,
    target text NOT NULL,
    division_code text NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone
);


--
-- Name: petition_reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.petition_reviews (
    id uuid NOT NULL,
    petition_id uuid NOT NULL,
    week text NOT NULL,
    reviewer text NOT NULL,
    note text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: petitions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.petitions (
    id uuid NOT NULL,
    division_code text NOT NULL,
    channel text NOT NULL,
    first_time boolean NOT NULL,
    received_on text NOT NULL,
    name_cipher bytea NOT NULL,
    phone_cipher bytea,
    phone_index text,
    subject text NOT NULL,
    content text NOT NULL,
    status text NOT NULL,
    answer text,
    answered_on text,
    result text,
    closed_on text,
    mediation_case_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: rental_units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rental_units (
    id uuid NOT NULL,
    public_code text NOT NULL,
    building_id uuid,
    address text NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    landlord_name text NOT NULL,
    landlord_phone_cipher bytea NOT NULL,
    landlord_phone_index text NOT NULL,
    landlord_token_hash text NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: resident_tag_catalog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.resident_tag_catalog (
    code text NOT NULL,
    chinese_label text NOT NULL,
    english_label text NOT NULL,
    active boolean NOT NULL
);


--
-- Name: residents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.residents (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    building_id uuid NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    gender text NOT NULL,
    birth_date text NOT NULL,
    id_number_cipher bytea NOT NULL,
    id_number_index text NOT NULL,
    phone_cipher bytea,
    phone_index text,
    relation text NOT NULL,
    tags text NOT NULL,
    registration_division text,
    residence_type text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: routing_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.routing_rules (
    id uuid NOT NULL,
    category_code text NOT NULL,
    division_code text NOT NULL,
    department_code text NOT NULL
);


--
-- Name: service_event_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_event_requests (
    id uuid NOT NULL,
    event_id uuid NOT NULL,
    stall_id uuid,
    held_on text NOT NULL,
    description text NOT NULL,
    outcome text NOT NULL,
    result text,
    order_id uuid,
    order_number text,
    recorded_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: service_event_stalls; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_event_stalls (
    id uuid NOT NULL,
    event_id uuid NOT NULL,
    department_id uuid,
    name text NOT NULL,
    services text NOT NULL
);


--
-- Name: service_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_events (
    id uuid NOT NULL,
    division_code text NOT NULL,
    title text NOT NULL,
    kind text NOT NULL,
    place text NOT NULL,
    schedule_text text NOT NULL,
    rule text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: sla_alerts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_alerts (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    stage text NOT NULL,
    kind text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    fired_at timestamp with time zone,
    fired_by text
);


--
-- Name: sla_policies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_policies (
    code text NOT NULL,
    name text NOT NULL,
    definition text NOT NULL
);


--
-- Name: tenancies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tenancies (
    id uuid NOT NULL,
    unit_id uuid NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    name text NOT NULL,
    id_number_cipher bytea NOT NULL,
    id_number_index text NOT NULL,
    phone_cipher bytea NOT NULL,
    phone_index text NOT NULL,
    gender text NOT NULL,
    birth_date text NOT NULL,
    registration_division text NOT NULL,
    moved_in text NOT NULL,
    moved_out text,
    created_at timestamp with time zone NOT NULL,
    checked_out_by text
);


--
-- Name: user_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_sessions (
    id uuid NOT NULL,
    token_hash text NOT NULL,
    user_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    ip text
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL,
    division_code text NOT NULL,
    department_id uuid,
    active boolean NOT NULL,
    failed_logins bigint NOT NULL,
    locked_until timestamp with time zone,
    password_changed_at timestamp with time zone NOT NULL,
    last_login_at timestamp with time zone,
    created_at timestamp with time zone,
    updated_at timestamp with time zone,
    totp_secret_cipher bytea,
    totp_last_step bigint
);


--
-- Name: visit_photos; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_photos (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    visit_id uuid,
    uploader_id uuid NOT NULL,
    content_type text NOT NULL,
    byte_size bigint NOT NULL,
    sha256 text NOT NULL,
    storage_key text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: visit_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_rules (
    tag_code text NOT NULL,
    cadence text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: visit_tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_tasks (
    id uuid NOT NULL,
    kind text NOT NULL,
    grid_code text NOT NULL,
    assignee_id uuid,
    tenancy_id uuid,
    due_at timestamp with time zone NOT NULL,
    done_at timestamp with time zone,
    note text,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: visits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    grid_code text NOT NULL,
    community_code text NOT NULL,
    visitor_id uuid NOT NULL,
    visitor_name text NOT NULL,
    visited_at timestamp with time zone NOT NULL,
    latitude double precision,
    longitude double precision,
    note text NOT NULL,
    findings text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_kind text NOT NULL,
    payload text NOT NULL,
    attempts bigint NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    delivered_at timestamp with time zone,
    failed_at timestamp with time zone,
    last_error text,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: webhook_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscriptions (
    id uuid NOT NULL,
    url text NOT NULL,
    secret_cipher bytea NOT NULL,
    events text NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: whistle_summons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.whistle_summons (
    id uuid NOT NULL,
    whistle_id uuid NOT NULL,
    department_id uuid NOT NULL,
    reported_at timestamp with time zone,
    reported_by uuid,
    work_note text,
    blower_handling bigint,
    blower_satisfaction bigint,
    requester_handling bigint,
    requester_satisfaction bigint,
    score double precision
);


--
-- Name: whistles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.whistles (
    id uuid NOT NULL,
    division_code text NOT NULL,
    order_id uuid,
    title text NOT NULL,
    description text NOT NULL,
    required_arrival_at timestamp with time zone NOT NULL,
    status text NOT NULL,
    result text,
    blown_by uuid NOT NULL,
    blown_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone
);


--
-- Name: work_order_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_order_events (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    sequence bigint NOT NULL,
    kind text NOT NULL,
    from_status text,
    to_status text NOT NULL,
    actor text NOT NULL,
    actor_id uuid,
    at timestamp with time zone NOT NULL,
    note text,
    event text NOT NULL
);


--
-- Name: work_order_sequences; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_order_sequences (
    day text NOT NULL,
    last_value bigint NOT NULL
);


--
-- Name: work_orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_orders (
    id uuid NOT NULL,
    number text NOT NULL,
    tracking_code text NOT NULL,
    channel text NOT NULL,
    request_kind text NOT NULL,
    category_code text NOT NULL,
    tier text NOT NULL,
    priority text NOT NULL,
    status text NOT NULL,
    handling_level text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    latitude double precision,
    longitude double precision,
    address text,
    division_code text NOT NULL,
    department_id uuid,
    suggested_department_id uuid,
    assignee_id uuid,
    requester_name text,
    requester_phone_cipher bytea,
    requester_phone_index text,
    anonymous boolean NOT NULL,
    parent_id uuid,
    supervision_level bigint NOT NULL,
    sla_policy_code text NOT NULL,
    next_due_at timestamp with time zone,
    overdue boolean NOT NULL,
    state text NOT NULL,
    clocks text NOT NULL,
    version bigint NOT NULL,
    idempotency_key text,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    grid_code text,
    grid_version bigint
);


--
-- Data for Name: _fluent_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public._fluent_migrations VALUES ('374eece1-217f-4aea-a1b6-c4a32483a0d3', 'LianxinServer.CreateDivision', 1, '2026-12-06 16:12:15.955388+00', '2026-12-06 16:12:15.955388+00');
INSERT INTO public._fluent_migrations VALUES ('1293ebce-5667-4c9c-b5d7-348d769bafd7', 'LianxinServer.CreateDepartment', 1, '2026-12-06 16:12:15.959851+00', '2026-12-06 16:12:15.959851+00');
INSERT INTO public._fluent_migrations VALUES ('3720e906-e2e1-44ce-87da-73ca79c114cf', 'LianxinServer.CreateUser', 1, '2026-12-06 16:12:15.964326+00', '2026-12-06 16:12:15.964326+00');
INSERT INTO public._fluent_migrations VALUES ('f7cfc332-fa4f-4a36-a61f-5cbf74749ce3', 'LianxinServer.CreateUserSession', 1, '2026-12-06 16:12:15.967789+00', '2026-12-06 16:12:15.967789+00');
INSERT INTO public._fluent_migrations VALUES ('d6c108a9-64e6-4935-a0e6-9b1415470151', 'LianxinServer.CreateApiToken', 1, '2026-12-06 16:12:15.970583+00', '2026-12-06 16:12:15.970583+00');
INSERT INTO public._fluent_migrations VALUES ('744ee063-ee8b-4629-82a9-131b1e85be0e', 'LianxinServer.CreateAuditEntry', 1, '2026-12-06 16:12:15.976209+00', '2026-12-06 16:12:15.976209+00');
INSERT INTO public._fluent_migrations VALUES ('eb16e2cb-50e5-4da1-a0d4-76732315e9ee', 'LianxinServer.CreateCategoryAndRouting', 1, '2026-12-06 16:12:15.98313+00', '2026-12-06 16:12:15.98313+00');
INSERT INTO public._fluent_migrations VALUES ('cfde0ef8-4712-4ee1-bc48-2296324ba442', 'LianxinServer.CreateWorkOrder', 1, '2026-12-06 16:12:16.002111+00', '2026-12-06 16:12:16.002111+00');
INSERT INTO public._fluent_migrations VALUES ('4d85f584-205d-428e-8f5f-85f3ee22ff02', 'LianxinServer.CreateWhistle', 1, '2026-12-06 16:12:16.009593+00', '2026-12-06 16:12:16.009593+00');
INSERT INTO public._fluent_migrations VALUES ('484a1191-5959-445d-9b8b-8a4b9272030a', 'LianxinServer.CreateGrid', 1, '2026-12-06 16:12:16.013883+00', '2026-12-06 16:12:16.013883+00');
INSERT INTO public._fluent_migrations VALUES ('5208846b-f7a9-4bae-b30a-e3610c3841a3', 'LianxinServer.CreateWebhooks', 1, '2026-12-06 16:12:16.019184+00', '2026-12-06 16:12:16.019184+00');
INSERT INTO public._fluent_migrations VALUES ('eedf0894-20e7-42d6-823b-fe8f9432228b', 'LianxinServer.CreateAttachments', 1, '2026-12-06 16:12:16.025287+00', '2026-12-06 16:12:16.025287+00');
INSERT INTO public._fluent_migrations VALUES ('4e4eff12-5442-40a1-ae00-8fa3e8591d2a', 'LianxinServer.CreateOpen311Keys', 1, '2026-12-06 16:12:16.028533+00', '2026-12-06 16:12:16.028533+00');
INSERT INTO public._fluent_migrations VALUES ('9aa03301-86ae-4f6b-abad-7f1e1b3c09fa', 'LianxinServer.AddWorkOrderBrowseIndex', 1, '2026-12-06 16:12:16.031902+00', '2026-12-06 16:12:16.031902+00');
INSERT INTO public._fluent_migrations VALUES ('22c78545-bfe7-4065-9560-4af16ff0dabf', 'LianxinServer.AddUserSecondFactor', 1, '2026-12-06 16:12:16.03479+00', '2026-12-06 16:12:16.03479+00');
INSERT INTO public._fluent_migrations VALUES ('f125173d-56b2-47e0-b20d-6da659e79e3a', 'LianxinServer.CreateCategoryAttributes', 1, '2026-12-06 16:12:16.038265+00', '2026-12-06 16:12:16.038265+00');
INSERT INTO public._fluent_migrations VALUES ('7ce3fb49-b344-452a-a698-8109afbe9f05', 'LianxinServer.AddWorkOrderGrid', 1, '2026-12-06 16:12:16.040739+00', '2026-12-06 16:12:16.040739+00');
INSERT INTO public._fluent_migrations VALUES ('9e02d35d-c1cc-4355-ac5a-94a5531119bf', 'LianxinServer.CreateClassifierTables', 1, '2026-12-06 16:12:16.045585+00', '2026-12-06 16:12:16.045585+00');
INSERT INTO public._fluent_migrations VALUES ('fc520925-b235-4f8c-a300-cc02fd8268e2', 'LianxinServer.CreateHotspotTables', 1, '2026-12-06 16:12:16.053268+00', '2026-12-06 16:12:16.053268+00');
INSERT INTO public._fluent_migrations VALUES ('1b8da128-6cb2-4725-8c8a-a43ed642ebb3', 'LianxinServer.CreateResidentRegistry', 1, '2026-12-06 16:12:16.077794+00', '2026-12-06 16:12:16.077794+00');
INSERT INTO public._fluent_migrations VALUES ('7d3c98b6-e072-4750-8847-fda19911760d', 'LianxinServer.CreateGridChanges', 1, '2026-12-06 16:12:16.083689+00', '2026-12-06 16:12:16.083689+00');
INSERT INTO public._fluent_migrations VALUES ('f2f74c0d-d5d2-41e0-a8d6-f11ce26f6a31', 'LianxinServer.CreateRentalUnits', 1, '2026-12-06 16:12:16.096325+00', '2026-12-06 16:12:16.096325+00');
INSERT INTO public._fluent_migrations VALUES ('c9571c0c-1766-4f15-8022-6905505e7916', 'LianxinServer.CreateVisits', 1, '2026-12-06 16:12:16.108066+00', '2026-12-06 16:12:16.108066+00');
INSERT INTO public._fluent_migrations VALUES ('78980ad7-0732-4d7b-9842-4822f2261a2e', 'LianxinServer.CreatePairings', 1, '2026-12-06 16:12:16.113893+00', '2026-12-06 16:12:16.113893+00');
INSERT INTO public._fluent_migrations VALUES ('374a61d0-625b-4c90-b4ca-bab2090b04ff', 'LianxinServer.CreateVisitPhotos', 1, '2026-12-06 16:12:16.117236+00', '2026-12-06 16:12:16.117236+00');
INSERT INTO public._fluent_migrations VALUES ('ff9c51e3-0f28-474b-ac5b-2f118f858969', 'LianxinServer.AddBuildingPosition', 1, '2026-12-06 16:12:16.119127+00', '2026-12-06 16:12:16.119127+00');
INSERT INTO public._fluent_migrations VALUES ('2e4472ed-0650-4862-8e16-79a60ba513d2', 'LianxinServer.AddWorkOrderDueIndex', 1, '2026-12-06 16:12:16.120915+00', '2026-12-06 16:12:16.120915+00');
INSERT INTO public._fluent_migrations VALUES ('7732d885-67ab-46ed-8b77-963f5128715e', 'LianxinServer.CreateDashboardTables', 1, '2026-12-06 16:12:16.140257+00', '2026-12-06 16:12:16.140257+00');
INSERT INTO public._fluent_migrations VALUES ('28461fc5-b53b-4617-ab91-db643841026d', 'LianxinServer.CreateRollupSummary', 1, '2026-12-06 16:12:16.154834+00', '2026-12-06 16:12:16.154834+00');
INSERT INTO public._fluent_migrations VALUES ('85ab774c-ab14-4245-9056-35cba969f6e5', 'LianxinServer.CreateCommunityServices', 1, '2026-12-06 16:12:16.178303+00', '2026-12-06 16:12:16.178303+00');
INSERT INTO public._fluent_migrations VALUES ('2296d07b-22fc-448f-8b46-68551795f5cd', 'LianxinServer.UpdateVolunteerAddLinkToken', 1, '2026-12-06 16:12:16.180578+00', '2026-12-06 16:12:16.180578+00');
INSERT INTO public._fluent_migrations VALUES ('724a0e49-71d4-40bf-be52-8a2d22a6b787', 'LianxinServer.CreateEngagementTables', 1, '2026-12-06 16:12:16.20379+00', '2026-12-06 16:12:16.20379+00');


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_schemes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: attachments; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_entries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: buildings; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: calendar_days; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.calendar_days VALUES ('2020-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2020-01-19', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-24', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-25', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-26', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-27', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-28', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-29', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-30', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-01-31', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-02-01', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-02-02', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2020-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2020-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2020-04-06', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2020-04-26', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-05', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-05-09', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2020-06-25', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2020-06-26', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2020-06-27', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2020-06-28', 'workday', '端午节');
INSERT INTO public.calendar_days VALUES ('2020-09-27', 'workday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-01', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-02', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-03', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-04', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-05', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-06', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-07', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-08', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2020-10-10', 'workday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2021-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2021-01-02', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2021-01-03', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2021-02-07', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-11', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-12', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-13', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-14', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-15', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-16', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-17', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-02-20', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2021-04-03', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2021-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2021-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2021-04-25', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-05', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-05-08', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2021-06-12', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2021-06-13', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2021-06-14', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2021-09-18', 'workday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2021-09-19', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2021-09-20', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2021-09-21', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2021-09-26', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-01', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-02', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-03', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-04', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-05', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-06', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-07', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2021-10-09', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2022-01-02', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2022-01-03', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2022-01-29', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-01-30', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-01-31', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-01', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-02', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-03', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-04', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-05', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-02-06', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2022-04-02', 'workday', '清明节');
INSERT INTO public.calendar_days VALUES ('2022-04-03', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2022-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2022-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2022-04-24', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-04-30', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-05-07', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2022-06-03', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2022-06-04', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2022-06-05', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2022-09-10', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2022-09-11', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2022-09-12', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2022-10-01', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-02', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-03', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-04', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-05', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-06', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-07', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-08', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-10-09', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2022-12-31', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2023-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2023-01-02', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2023-01-21', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-22', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-23', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-24', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-25', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-26', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-27', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-28', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-01-29', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2023-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2023-04-23', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-04-29', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-04-30', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-05-06', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2023-06-22', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2023-06-23', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2023-06-24', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2023-06-25', 'workday', '端午节');
INSERT INTO public.calendar_days VALUES ('2023-09-29', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-09-30', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-01', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-02', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-03', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-04', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-05', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-06', 'holiday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-07', 'workday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2023-10-08', 'workday', '中秋节、国庆节');
INSERT INTO public.calendar_days VALUES ('2024-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2024-02-04', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-10', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-11', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-12', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-13', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-14', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-15', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-16', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-17', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-02-18', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2024-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2024-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2024-04-06', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2024-04-07', 'workday', '清明节');
INSERT INTO public.calendar_days VALUES ('2024-04-28', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-05', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-05-11', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2024-06-10', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2024-09-14', 'workday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2024-09-15', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2024-09-16', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2024-09-17', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2024-09-29', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-01', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-02', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-03', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-04', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-05', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-06', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-07', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2024-10-12', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2025-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2025-01-26', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-01-28', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-01-29', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-01-30', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-01-31', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-02-01', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-02-02', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-02-03', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-02-04', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-02-08', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2025-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2025-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2025-04-06', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2025-04-27', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-05', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2025-05-31', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2025-06-01', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2025-06-02', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2025-09-28', 'workday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-01', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-02', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-03', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-04', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-05', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-06', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-07', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-08', 'holiday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2025-10-11', 'workday', '国庆节、中秋节');
INSERT INTO public.calendar_days VALUES ('2026-01-01', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2026-01-02', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2026-01-03', 'holiday', '元旦');
INSERT INTO public.calendar_days VALUES ('2026-01-04', 'workday', '元旦');
INSERT INTO public.calendar_days VALUES ('2026-02-14', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-15', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-16', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-17', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-18', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-19', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-20', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-21', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-22', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-23', 'holiday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-02-28', 'workday', '春节');
INSERT INTO public.calendar_days VALUES ('2026-04-04', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2026-04-05', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2026-04-06', 'holiday', '清明节');
INSERT INTO public.calendar_days VALUES ('2026-05-01', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-05-02', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-05-03', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-05-04', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-05-05', 'holiday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-05-09', 'workday', '劳动节');
INSERT INTO public.calendar_days VALUES ('2026-06-19', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2026-06-20', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2026-06-21', 'holiday', '端午节');
INSERT INTO public.calendar_days VALUES ('2026-09-20', 'workday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-09-25', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2026-09-26', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2026-09-27', 'holiday', '中秋节');
INSERT INTO public.calendar_days VALUES ('2026-10-01', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-02', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-03', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-04', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-05', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-06', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-07', 'holiday', '国庆节');
INSERT INTO public.calendar_days VALUES ('2026-10-10', 'workday', '国庆节');


--
-- Data for Name: categories; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.categories VALUES ('01', '市容环境', NULL, 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0101', '暴露垃圾', '01', 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('0102', '道路不洁', '01', 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0103', '乱堆物料', '01', 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0104', '违章搭建', '01', 'SR-CG', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0105', '油烟噪声扰民', '01', 'SR-HB', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('02', '宣传广告', NULL, 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0201', '非法小广告', '02', 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('0202', '违规户外广告', '02', 'SR-CG', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0203', '占道宣传', '02', 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('03', '施工管理', NULL, 'SR-ZJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0301', '施工扰民', '03', 'SR-ZJ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0302', '道路遗撒', '03', 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('0303', '工地扬尘', '03', 'SR-HB', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0304', '违规占道施工', '03', 'SR-ZJ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('04', '突发事件', NULL, 'SR-GA', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0401', '路面塌陷', '04', 'SR-ZJ', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0402', '积水内涝', '04', 'SR-CG', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0403', '火情隐患', '04', 'SR-GA', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0404', '管道破裂', '04', 'SR-GS', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('05', '街面秩序', NULL, 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('0501', '占道经营', '05', 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('0502', '乱停乱放', '05', 'SR-GA', '12530', true);
INSERT INTO public.categories VALUES ('0503', '流动摊贩', '05', 'SR-CG', '12530', true);
INSERT INTO public.categories VALUES ('06', '市政设施', NULL, 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0601', '路灯损坏', '06', 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('0602', '井盖缺失', '06', 'SR-CG', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0603', '道路破损', '06', 'SR-ZJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0604', '公厕问题', '06', 'SR-CG', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('07', '交通运输', NULL, 'SR-JT', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0701', '公交运营', '07', 'SR-JT', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0702', '出租车网约车', '07', 'SR-JT', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0703', '交通信号设施', '07', 'SR-GA', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('08', '环境保护', NULL, 'SR-HB', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0801', '水体污染', '08', 'SR-HB', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0802', '大气污染', '08', 'SR-HB', 'longnan-general', true);
INSERT INTO public.categories VALUES ('0803', '噪声污染', '08', 'SR-HB', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('09', '供水供电供气', NULL, 'SR-GS', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0901', '停水水压', '09', 'SR-GS', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0902', '停电线路', '09', 'SR-GD', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('0903', '燃气问题', '09', 'SR-GS', 'hour-response-same-day', true);
INSERT INTO public.categories VALUES ('10', '住房与物业', NULL, 'SR-ZJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1001', '物业服务', '10', 'SR-ZJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1002', '房屋安全', '10', 'SR-ZJ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1003', '不动产登记', '10', 'SR-ZJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('11', '劳动和社会保障', NULL, 'SR-RS', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1101', '欠薪讨薪', '11', 'SR-RS', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1102', '社保医保', '11', 'SR-RS', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1103', '就业创业', '11', 'SR-RS', 'longnan-general', true);
INSERT INTO public.categories VALUES ('12', '教育文体', NULL, 'SR-JY', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1201', '入学招生', '12', 'SR-JY', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1202', '校外培训', '12', 'SR-JY', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1203', '文体设施', '12', 'SR-JY', 'longnan-general', true);
INSERT INTO public.categories VALUES ('13', '卫生健康', NULL, 'SR-WJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1301', '医疗服务', '13', 'SR-WJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1302', '疾病防控', '13', 'SR-WJ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('14', '市场监管', NULL, 'SR-SJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1401', '食品安全', '14', 'SR-SJ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1402', '价格收费', '14', 'SR-SJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1403', '消费维权', '14', 'SR-SJ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('15', '公共安全', NULL, 'SR-GA', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1501', '治安隐患', '15', 'SR-GA', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1502', '矛盾纠纷', '15', 'SR-GA', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('16', '农业农村', NULL, 'SR-MZ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1601', '农村人居环境', '16', 'SR-MZ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1602', '惠农补贴', '16', 'SR-MZ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('17', '民政服务', NULL, 'SR-MZ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('1701', '困难救助', '17', 'SR-MZ', 'longnan-simple', true);
INSERT INTO public.categories VALUES ('1702', '养老服务', '17', 'SR-MZ', 'longnan-general', true);
INSERT INTO public.categories VALUES ('18', '其他', NULL, NULL, 'longnan-general', true);


--
-- Data for Name: category_attributes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.category_attributes VALUES ('b5d0fd81-88ce-4f70-a24e-b4fde3e3c211', '0601', 'pole_number', 'string', false, 1, '路灯杆编号（灯杆上的喷码，如 A-17）', '');
INSERT INTO public.category_attributes VALUES ('ac2f2ec5-4d09-41a2-914a-589f8270eb4c', '0601', 'lamp_state', 'singlevaluelist', true, 2, '路灯状况', 'off=整晚不亮;flicker=闪烁;daytime=白天常亮;damaged=灯杆损坏');
INSERT INTO public.category_attributes VALUES ('476a5ec1-a8bd-4238-96f7-35f4c9f1b505', '0602', 'cover_state', 'singlevaluelist', true, 1, '井盖状况', 'missing=缺失;broken=破损;sunken=塌陷或不平');
INSERT INTO public.category_attributes VALUES ('9c59bec0-c68d-4a88-a7d4-ebbf97831fee', '0602', 'traffic_lane', 'singlevaluelist', false, 2, '所在位置', 'motorway=机动车道;cycleway=非机动车道;sidewalk=人行道');
INSERT INTO public.category_attributes VALUES ('766ecfec-cb20-4c6e-9821-738e95a4dd0c', '0401', 'hole_size', 'number', false, 1, '坑洞大致直径（米）', '');
INSERT INTO public.category_attributes VALUES ('4465ec29-74d9-44ce-99fc-5a9cc46c9d3c', '0501', 'stall_count', 'number', false, 1, '摊位数量', '');
INSERT INTO public.category_attributes VALUES ('a10c7a12-89ff-49b7-88cb-d715896b9516', '0105', 'noise_time', 'datetime', false, 1, '扰民发生的时间', '');


--
-- Data for Name: classification_corrections; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: classifier_models; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_activities; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_activity_signups; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_earn_rules; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_exchanges; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_merchant_goods; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_merchants; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_points_entries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_service_items; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_service_order_events; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_service_orders; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_stations; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_volunteer_teams; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_volunteers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cs_wishes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: departments; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: divisions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: file_blobs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grid_change_reviews; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grid_changes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grid_clusters; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grid_staff; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grids; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: hotspot_runs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: hotspots; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: households; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: intelligence_parameters; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mediation_cases; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mediation_mediators; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mediation_parties; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mediation_sessions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: meeting_opinions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: meeting_topic_supports; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: meeting_topics; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: meetings; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: open311_keys; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: order_rollup_facts; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: order_rollup_summary; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: order_rollups; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: pairings; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: petition_reviews; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: petitions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: rental_units; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: resident_tag_catalog; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.resident_tag_catalog VALUES ('livingAloneElderly', '独居老人', 'Elderly living alone', true);
INSERT INTO public.resident_tag_catalog VALUES ('leftBehindChild', '留守儿童', 'Left-behind child', true);
INSERT INTO public.resident_tag_catalog VALUES ('hardship', '困难户', 'Hardship household', true);
INSERT INTO public.resident_tag_catalog VALUES ('disabled', '残疾人', 'Person with disability', true);
INSERT INTO public.resident_tag_catalog VALUES ('seriouslyIll', '重病', 'Seriously ill', true);
INSERT INTO public.resident_tag_catalog VALUES ('inDispute', '矛盾纠纷户', 'Household in dispute', true);
INSERT INTO public.resident_tag_catalog VALUES ('floating', '流动人口', 'Floating population', true);
INSERT INTO public.resident_tag_catalog VALUES ('keyPerson', '重点人员', 'Key person', true);


--
-- Data for Name: residents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: routing_rules; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: service_event_requests; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: service_event_stalls; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: service_events; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_alerts; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_policies; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sla_policies VALUES ('12530', '12530 规则', '{"code":"12530","englishName":"12530 rule","name":"12530 规则","stages":[{"limit":{"amount":1,"unit":"minutes"},"stage":"create","warning":{"fraction":0.8}},{"limit":{"amount":2,"unit":"minutes"},"stage":"dispatch","warning":{"fraction":0.8}},{"limit":{"amount":5,"unit":"minutes"},"stage":"sign","warning":{"fraction":0.8}},{"limit":{"amount":30,"unit":"minutes"},"stage":"arrive","warning":{"fraction":0.8}}]}');
INSERT INTO public.sla_policies VALUES ('longnan-simple', '简易问题（当天转交、3个工作日办结）', '{"code":"longnan-simple","englishName":"Simple matter (3 working days)","name":"简易问题（当天转交、3个工作日办结）","stages":[{"limit":{"amount":0,"unit":"endOfDay"},"stage":"dispatch","warning":{"fraction":0.8}},{"limit":{"amount":3,"unit":"workingDays"},"stage":"complete","warning":{"fraction":0.8}},{"limit":{"amount":3,"unit":"workingDays"},"stage":"feedback","warning":{"fraction":0.8}}]}');
INSERT INTO public.sla_policies VALUES ('longnan-general', '一般问题（7个工作日办结）', '{"code":"longnan-general","englishName":"General matter (7 working days)","name":"一般问题（7个工作日办结）","stages":[{"limit":{"amount":7,"unit":"workingDays"},"stage":"complete","warning":{"fraction":0.8}},{"limit":{"amount":3,"unit":"workingDays"},"stage":"feedback","warning":{"fraction":0.8}}]}');
INSERT INTO public.sla_policies VALUES ('hour-response-same-day', '小时级响应、当日办结', '{"code":"hour-response-same-day","englishName":"Respond within the hour, complete the same day","name":"小时级响应、当日办结","stages":[{"limit":{"amount":60,"unit":"minutes"},"stage":"respond","warning":{"fraction":0.8}},{"limit":{"amount":0,"unit":"endOfDay"},"stage":"complete","warning":{"fraction":0.8}}]}');


--
-- Data for Name: tenancies; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: user_sessions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: visit_photos; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: visit_rules; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.visit_rules VALUES ('*', 'monthly', '2026-12-06 16:12:16.101673+00');
INSERT INTO public.visit_rules VALUES ('livingAloneElderly', 'every:3', '2026-12-06 16:12:16.102683+00');
INSERT INTO public.visit_rules VALUES ('leftBehindChild', 'weekly', '2026-12-06 16:12:16.103364+00');
INSERT INTO public.visit_rules VALUES ('hardship', 'weekly', '2026-12-06 16:12:16.104059+00');
INSERT INTO public.visit_rules VALUES ('disabled', 'weekly', '2026-12-06 16:12:16.104762+00');
INSERT INTO public.visit_rules VALUES ('seriouslyIll', 'every:3', '2026-12-06 16:12:16.105408+00');
INSERT INTO public.visit_rules VALUES ('inDispute', 'every:3', '2026-12-06 16:12:16.106014+00');
INSERT INTO public.visit_rules VALUES ('floating', 'onChange', '2026-12-06 16:12:16.106589+00');
INSERT INTO public.visit_rules VALUES ('keyPerson', 'weekly', '2026-12-06 16:12:16.107267+00');


--
-- Data for Name: visit_tasks; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: visits; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: webhook_subscriptions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: whistle_summons; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: whistles; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: work_order_events; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: work_order_sequences; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: work_orders; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: _fluent_migrations _fluent_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public._fluent_migrations
    ADD CONSTRAINT _fluent_migrations_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: assessment_schemes assessment_schemes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_schemes
    ADD CONSTRAINT assessment_schemes_pkey PRIMARY KEY (code);


--
-- Name: attachments attachments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);


--
-- Name: audit_entries audit_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries
    ADD CONSTRAINT audit_entries_pkey PRIMARY KEY (id);


--
-- Name: buildings buildings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.buildings
    ADD CONSTRAINT buildings_pkey PRIMARY KEY (id);


--
-- Name: calendar_days calendar_days_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_days
    ADD CONSTRAINT calendar_days_pkey PRIMARY KEY (day);


--
-- Name: categories categories_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (code);


--
-- Name: category_attributes category_attributes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.category_attributes
    ADD CONSTRAINT category_attributes_pkey PRIMARY KEY (id);


--
-- Name: classification_corrections classification_corrections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classification_corrections
    ADD CONSTRAINT classification_corrections_pkey PRIMARY KEY (id);


--
-- Name: classifier_models classifier_models_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classifier_models
    ADD CONSTRAINT classifier_models_pkey PRIMARY KEY (id);


--
-- Name: cs_activities cs_activities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_activities
    ADD CONSTRAINT cs_activities_pkey PRIMARY KEY (id);


--
-- Name: cs_activity_signups cs_activity_signups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_activity_signups
    ADD CONSTRAINT cs_activity_signups_pkey PRIMARY KEY (id);


--
-- Name: cs_earn_rules cs_earn_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_earn_rules
    ADD CONSTRAINT cs_earn_rules_pkey PRIMARY KEY (community_code);


--
-- Name: cs_exchanges cs_exchanges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_exchanges
    ADD CONSTRAINT cs_exchanges_pkey PRIMARY KEY (id);


--
-- Name: cs_merchant_goods cs_merchant_goods_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_merchant_goods
    ADD CONSTRAINT cs_merchant_goods_pkey PRIMARY KEY (id);


--
-- Name: cs_merchants cs_merchants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_merchants
    ADD CONSTRAINT cs_merchants_pkey PRIMARY KEY (id);


--
-- Name: cs_points_entries cs_points_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_points_entries
    ADD CONSTRAINT cs_points_entries_pkey PRIMARY KEY (id);


--
-- Name: cs_service_items cs_service_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_service_items
    ADD CONSTRAINT cs_service_items_pkey PRIMARY KEY (id);


--
-- Name: cs_service_order_events cs_service_order_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_service_order_events
    ADD CONSTRAINT cs_service_order_events_pkey PRIMARY KEY (id);


--
-- Name: cs_service_orders cs_service_orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_service_orders
    ADD CONSTRAINT cs_service_orders_pkey PRIMARY KEY (id);


--
-- Name: cs_stations cs_stations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_stations
    ADD CONSTRAINT cs_stations_pkey PRIMARY KEY (id);


--
-- Name: cs_volunteer_teams cs_volunteer_teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_volunteer_teams
    ADD CONSTRAINT cs_volunteer_teams_pkey PRIMARY KEY (id);


--
-- Name: cs_volunteers cs_volunteers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_volunteers
    ADD CONSTRAINT cs_volunteers_pkey PRIMARY KEY (id);


--
-- Name: cs_wishes cs_wishes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_wishes
    ADD CONSTRAINT cs_wishes_pkey PRIMARY KEY (id);


--
-- Name: departments departments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_pkey PRIMARY KEY (id);


--
-- Name: divisions divisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.divisions
    ADD CONSTRAINT divisions_pkey PRIMARY KEY (code);


--
-- Name: file_blobs file_blobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.file_blobs
    ADD CONSTRAINT file_blobs_pkey PRIMARY KEY (key);


--
-- Name: grid_change_reviews grid_change_reviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_change_reviews
    ADD CONSTRAINT grid_change_reviews_pkey PRIMARY KEY (id);


--
-- Name: grid_changes grid_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_changes
    ADD CONSTRAINT grid_changes_pkey PRIMARY KEY (id);


--
-- Name: grid_clusters grid_clusters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_clusters
    ADD CONSTRAINT grid_clusters_pkey PRIMARY KEY (id);


--
-- Name: grid_staff grid_staff_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_staff
    ADD CONSTRAINT grid_staff_pkey PRIMARY KEY (id);


--
-- Name: grids grids_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT grids_pkey PRIMARY KEY (id);


--
-- Name: hotspot_runs hotspot_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.hotspot_runs
    ADD CONSTRAINT hotspot_runs_pkey PRIMARY KEY (id);


--
-- Name: hotspots hotspots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.hotspots
    ADD CONSTRAINT hotspots_pkey PRIMARY KEY (id);


--
-- Name: households households_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.households
    ADD CONSTRAINT households_pkey PRIMARY KEY (id);


--
-- Name: intelligence_parameters intelligence_parameters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.intelligence_parameters
    ADD CONSTRAINT intelligence_parameters_pkey PRIMARY KEY (name);


--
-- Name: mediation_cases mediation_cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_cases
    ADD CONSTRAINT mediation_cases_pkey PRIMARY KEY (id);


--
-- Name: mediation_mediators mediation_mediators_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_mediators
    ADD CONSTRAINT mediation_mediators_pkey PRIMARY KEY (id);


--
-- Name: mediation_parties mediation_parties_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_parties
    ADD CONSTRAINT mediation_parties_pkey PRIMARY KEY (id);


--
-- Name: mediation_sessions mediation_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_sessions
    ADD CONSTRAINT mediation_sessions_pkey PRIMARY KEY (id);


--
-- Name: meeting_opinions meeting_opinions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_opinions
    ADD CONSTRAINT meeting_opinions_pkey PRIMARY KEY (id);


--
-- Name: meeting_topic_supports meeting_topic_supports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_topic_supports
    ADD CONSTRAINT meeting_topic_supports_pkey PRIMARY KEY (id);


--
-- Name: meeting_topics meeting_topics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_topics
    ADD CONSTRAINT meeting_topics_pkey PRIMARY KEY (id);


--
-- Name: meetings meetings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: open311_keys open311_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.open311_keys
    ADD CONSTRAINT open311_keys_pkey PRIMARY KEY (id);


--
-- Name: order_rollup_facts order_rollup_facts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_rollup_facts
    ADD CONSTRAINT order_rollup_facts_pkey PRIMARY KEY (order_id);


--
-- Name: order_rollup_summary order_rollup_summary_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_rollup_summary
    ADD CONSTRAINT order_rollup_summary_key UNIQUE (level, dimension, grain, bucket, node, value);


--
-- Name: order_rollups order_rollups_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_rollups
    ADD CONSTRAINT order_rollups_key UNIQUE (day, city, county, township, community, grid, department_id, category_code, channel, request_kind);


--
-- Name: pairings pairings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pairings
    ADD CONSTRAINT pairings_pkey PRIMARY KEY (id);


--
-- Name: petition_reviews petition_reviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.petition_reviews
    ADD CONSTRAINT petition_reviews_pkey PRIMARY KEY (id);


--
-- Name: petitions petitions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_pkey PRIMARY KEY (id);


--
-- Name: rental_units rental_units_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rental_units
    ADD CONSTRAINT rental_units_pkey PRIMARY KEY (id);


--
-- Name: resident_tag_catalog resident_tag_catalog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resident_tag_catalog
    ADD CONSTRAINT resident_tag_catalog_pkey PRIMARY KEY (code);


--
-- Name: residents residents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.residents
    ADD CONSTRAINT residents_pkey PRIMARY KEY (id);


--
-- Name: routing_rules routing_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.routing_rules
    ADD CONSTRAINT routing_rules_pkey PRIMARY KEY (id);


--
-- Name: service_event_requests service_event_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_requests
    ADD CONSTRAINT service_event_requests_pkey PRIMARY KEY (id);


--
-- Name: service_event_stalls service_event_stalls_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_stalls
    ADD CONSTRAINT service_event_stalls_pkey PRIMARY KEY (id);


--
-- Name: service_events service_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_events
    ADD CONSTRAINT service_events_pkey PRIMARY KEY (id);


--
-- Name: sla_alerts sla_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_alerts
    ADD CONSTRAINT sla_alerts_pkey PRIMARY KEY (id);


--
-- Name: sla_policies sla_policies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_pkey PRIMARY KEY (code);


--
-- Name: tenancies tenancies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenancies
    ADD CONSTRAINT tenancies_pkey PRIMARY KEY (id);


--
-- Name: _fluent_migrations uq:_fluent_migrations.name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public._fluent_migrations
    ADD CONSTRAINT "uq:_fluent_migrations.name" UNIQUE (name);


--
-- Name: api_tokens uq:api_tokens.token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT "uq:api_tokens.token_hash" UNIQUE (token_hash);


--
-- Name: attachments uq:attachments.storage_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT "uq:attachments.storage_key" UNIQUE (storage_key);


--
-- Name: buildings uq:buildings.grid_code+buildings.name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.buildings
    ADD CONSTRAINT "uq:buildings.grid_code+buildings.name" UNIQUE (grid_code, name);


--
-- Name: category_attributes uq:category_attributes.category_code+category_attributes.code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.category_attributes
    ADD CONSTRAINT "uq:category_attributes.category_code+category_attributes.code" UNIQUE (category_code, code);


--
-- Name: classification_corrections uq:classification_corrections.order_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classification_corrections
    ADD CONSTRAINT "uq:classification_corrections.order_id" UNIQUE (order_id);


--
-- Name: classifier_models uq:classifier_models.version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classifier_models
    ADD CONSTRAINT "uq:classifier_models.version" UNIQUE (version);


--
-- Name: cs_activities uq:cs_activities.checkin_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_activities
    ADD CONSTRAINT "uq:cs_activities.checkin_code" UNIQUE (checkin_code);


--
-- Name: cs_activity_signups uq:cs_activity_signups.activity_id+cs_activity_signups.voluntee; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_activity_signups
    ADD CONSTRAINT "uq:cs_activity_signups.activity_id+cs_activity_signups.voluntee" UNIQUE (activity_id, volunteer_id);


--
-- Name: cs_points_entries uq:cs_points_entries.volunteer_id+cs_points_entries.reason+cs_p; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_points_entries
    ADD CONSTRAINT "uq:cs_points_entries.volunteer_id+cs_points_entries.reason+cs_p" UNIQUE (volunteer_id, reason, reference_id);


--
-- Name: cs_service_order_events uq:cs_service_order_events.order_id+cs_service_order_events.seq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_service_order_events
    ADD CONSTRAINT "uq:cs_service_order_events.order_id+cs_service_order_events.seq" UNIQUE (order_id, sequence);


--
-- Name: cs_service_orders uq:cs_service_orders.tracking_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_service_orders
    ADD CONSTRAINT "uq:cs_service_orders.tracking_code" UNIQUE (tracking_code);


--
-- Name: cs_volunteer_teams uq:cs_volunteer_teams.community_code+cs_volunteer_teams.name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_volunteer_teams
    ADD CONSTRAINT "uq:cs_volunteer_teams.community_code+cs_volunteer_teams.name" UNIQUE (community_code, name);


--
-- Name: cs_volunteers uq:cs_volunteers.phone_index; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cs_volunteers
    ADD CONSTRAINT "uq:cs_volunteers.phone_index" UNIQUE (phone_index);


--
-- Name: departments uq:departments.code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT "uq:departments.code" UNIQUE (code);


--
-- Name: grid_clusters uq:grid_clusters.code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_clusters
    ADD CONSTRAINT "uq:grid_clusters.code" UNIQUE (code);


--
-- Name: grids uq:grids.code+grids.version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT "uq:grids.code+grids.version" UNIQUE (code, version);


--
-- Name: hotspot_runs uq:hotspot_runs.slot; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.hotspot_runs
    ADD CONSTRAINT "uq:hotspot_runs.slot" UNIQUE (slot);


--
-- Name: households uq:households.building_id+households.door; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.households
    ADD CONSTRAINT "uq:households.building_id+households.door" UNIQUE (building_id, door);


--
-- Name: mediation_mediators uq:mediation_mediators.case_id+mediation_mediators.name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_mediators
    ADD CONSTRAINT "uq:mediation_mediators.case_id+mediation_mediators.name" UNIQUE (case_id, name);


--
-- Name: meeting_opinions uq:meeting_opinions.meeting_id+meeting_opinions.position; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_opinions
    ADD CONSTRAINT "uq:meeting_opinions.meeting_id+meeting_opinions.position" UNIQUE (meeting_id, "position");


--
-- Name: meeting_topic_supports uq:meeting_topic_supports.topic_id+meeting_topic_supports.suppo; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_topic_supports
    ADD CONSTRAINT "uq:meeting_topic_supports.topic_id+meeting_topic_supports.suppo" UNIQUE (topic_id, supporter_index);


--
-- Name: open311_keys uq:open311_keys.key_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.open311_keys
    ADD CONSTRAINT "uq:open311_keys.key_hash" UNIQUE (key_hash);


--
-- Name: petition_reviews uq:petition_reviews.petition_id+petition_reviews.week; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.petition_reviews
    ADD CONSTRAINT "uq:petition_reviews.petition_id+petition_reviews.week" UNIQUE (petition_id, week);


--
-- Name: rental_units uq:rental_units.landlord_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rental_units
    ADD CONSTRAINT "uq:rental_units.landlord_token_hash" UNIQUE (landlord_token_hash);


--
-- Name: rental_units uq:rental_units.public_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rental_units
    ADD CONSTRAINT "uq:rental_units.public_code" UNIQUE (public_code);


--
-- Name: residents uq:residents.id_number_index; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.residents
    ADD CONSTRAINT "uq:residents.id_number_index" UNIQUE (id_number_index);


--
-- Name: routing_rules uq:routing_rules.category_code+routing_rules.division_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.routing_rules
    ADD CONSTRAINT "uq:routing_rules.category_code+routing_rules.division_code" UNIQUE (category_code, division_code);


--
-- Name: user_sessions uq:user_sessions.token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT "uq:user_sessions.token_hash" UNIQUE (token_hash);


--
-- Name: users uq:users.username; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT "uq:users.username" UNIQUE (username);


--
-- Name: whistle_summons uq:whistle_summons.whistle_id+whistle_summons.department_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistle_summons
    ADD CONSTRAINT "uq:whistle_summons.whistle_id+whistle_summons.department_id" UNIQUE (whistle_id, department_id);


--
-- Name: work_order_events uq:work_order_events.order_id+work_order_events.sequence; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_events
    ADD CONSTRAINT "uq:work_order_events.order_id+work_order_events.sequence" UNIQUE (order_id, sequence);


--
-- Name: work_orders uq:work_orders.idempotency_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT "uq:work_orders.idempotency_key" UNIQUE (idempotency_key);


--
-- Name: work_orders uq:work_orders.number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT "uq:work_orders.number" UNIQUE (number);


--
-- Name: work_orders uq:work_orders.tracking_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT "uq:work_orders.tracking_code" UNIQUE (tracking_code);


--
-- Name: user_sessions user_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: visit_photos visit_photos_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_photos
    ADD CONSTRAINT visit_photos_pkey PRIMARY KEY (id);


--
-- Name: visit_rules visit_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_rules
    ADD CONSTRAINT visit_rules_pkey PRIMARY KEY (tag_code);


--
-- Name: visit_tasks visit_tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_tasks
    ADD CONSTRAINT visit_tasks_pkey PRIMARY KEY (id);


--
-- Name: visits visits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_pkey PRIMARY KEY (id);


--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);


--
-- Name: webhook_subscriptions webhook_subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id);


--
-- Name: whistle_summons whistle_summons_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistle_summons
    ADD CONSTRAINT whistle_summons_pkey PRIMARY KEY (id);


--
-- Name: whistles whistles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistles
    ADD CONSTRAINT whistles_pkey PRIMARY KEY (id);


--
-- Name: work_order_events work_order_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_events
    ADD CONSTRAINT work_order_events_pkey PRIMARY KEY (id);


--
-- Name: work_order_sequences work_order_sequences_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_sequences
    ADD CONSTRAINT work_order_sequences_pkey PRIMARY KEY (day);


--
-- Name: work_orders work_orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT work_orders_pkey PRIMARY KEY (id);


--
-- Name: attachments_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX attachments_order ON public.attachments USING btree (order_id, created_at);


--
-- Name: audit_entries_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entries_at ON public.audit_entries USING btree (at, id);


--
-- Name: buildings_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX buildings_community ON public.buildings USING btree (community_code, name);


--
-- Name: cs_activity_signups_volunteer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_activity_signups_volunteer_id ON public.cs_activity_signups USING btree (volunteer_id);


--
-- Name: cs_points_entries_volunteer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_points_entries_volunteer_id ON public.cs_points_entries USING btree (volunteer_id);


--
-- Name: cs_service_order_events_order_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_service_order_events_order_id ON public.cs_service_order_events USING btree (order_id);


--
-- Name: cs_service_orders_community_code_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_service_orders_community_code_status ON public.cs_service_orders USING btree (community_code, status);


--
-- Name: cs_volunteers_community_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_volunteers_community_code ON public.cs_volunteers USING btree (community_code);


--
-- Name: cs_volunteers_link_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_volunteers_link_token_hash ON public.cs_volunteers USING btree (link_token_hash);


--
-- Name: cs_wishes_community_code_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cs_wishes_community_code_status ON public.cs_wishes USING btree (community_code, status);


--
-- Name: divisions_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX divisions_parent ON public.divisions USING btree (parent_code, code);


--
-- Name: grid_change_reviews_change; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_change_reviews_change ON public.grid_change_reviews USING btree (change_id, round);


--
-- Name: grid_changes_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_changes_status ON public.grid_changes USING btree (status, effective_on);


--
-- Name: grid_staff_grid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_staff_grid ON public.grid_staff USING btree (grid_code);


--
-- Name: grid_staff_one_full_time; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX grid_staff_one_full_time ON public.grid_staff USING btree (grid_code) WHERE ((role = 'fullTime'::text) AND (valid_to IS NULL));


--
-- Name: grid_staff_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_staff_user ON public.grid_staff USING btree (user_id);


--
-- Name: grids_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grids_community ON public.grids USING btree (community_code);


--
-- Name: hotspot_runs_finished; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX hotspot_runs_finished ON public.hotspot_runs USING btree (finished_at);


--
-- Name: hotspots_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX hotspots_run ON public.hotspots USING btree (run_id, division_code);


--
-- Name: households_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX households_community ON public.households USING btree (community_code, address, id);


--
-- Name: households_grid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX households_grid ON public.households USING btree (grid_code, address, id);


--
-- Name: mediation_cases_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mediation_cases_division ON public.mediation_cases USING btree (division_code, received_on);


--
-- Name: meetings_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX meetings_division ON public.meetings USING btree (division_code, scheduled_at);


--
-- Name: notifications_department; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_department ON public.notifications USING btree (department_id, created_at);


--
-- Name: notifications_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_user ON public.notifications USING btree (user_id, created_at);


--
-- Name: order_rollup_facts_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX order_rollup_facts_day ON public.order_rollup_facts USING btree (day, created_at);


--
-- Name: order_rollup_facts_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX order_rollup_facts_open ON public.order_rollup_facts USING btree (day, overdue_after, city, county, township, community) WHERE (overdue_after IS NOT NULL);


--
-- Name: order_rollup_facts_overdue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX order_rollup_facts_overdue ON public.order_rollup_facts USING btree (overdue_after);


--
-- Name: order_rollup_summary_node; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX order_rollup_summary_node ON public.order_rollup_summary USING btree (node, dimension, grain, bucket);


--
-- Name: order_rollups_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX order_rollups_day ON public.order_rollups USING btree (day);


--
-- Name: pairings_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pairings_division ON public.pairings USING btree (division_code);


--
-- Name: pairings_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pairings_target ON public.pairings USING btree (kind, target);


--
-- Name: petitions_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX petitions_division ON public.petitions USING btree (division_code, received_on);


--
-- Name: petitions_phone; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX petitions_phone ON public.petitions USING btree (phone_index);


--
-- Name: rental_units_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rental_units_community ON public.rental_units USING btree (community_code, address);


--
-- Name: rental_units_landlord; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rental_units_landlord ON public.rental_units USING btree (landlord_phone_index);


--
-- Name: residents_building; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX residents_building ON public.residents USING btree (building_id);


--
-- Name: residents_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX residents_community ON public.residents USING btree (community_code, name, id);


--
-- Name: residents_grid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX residents_grid ON public.residents USING btree (grid_code, name, id);


--
-- Name: residents_household; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX residents_household ON public.residents USING btree (household_id);


--
-- Name: residents_phone; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX residents_phone ON public.residents USING btree (phone_index);


--
-- Name: service_event_requests_event; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX service_event_requests_event ON public.service_event_requests USING btree (event_id, held_on);


--
-- Name: service_events_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX service_events_division ON public.service_events USING btree (division_code);


--
-- Name: sla_alerts_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_alerts_order ON public.sla_alerts USING btree (order_id, stage);


--
-- Name: sla_alerts_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_alerts_pending ON public.sla_alerts USING btree (due_at) WHERE (fired_at IS NULL);


--
-- Name: tenancies_community; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tenancies_community ON public.tenancies USING btree (community_code, moved_out);


--
-- Name: tenancies_current; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tenancies_current ON public.tenancies USING btree (unit_id, id_number_index) WHERE (moved_out IS NULL);


--
-- Name: tenancies_id_number; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tenancies_id_number ON public.tenancies USING btree (id_number_index);


--
-- Name: tenancies_registration; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tenancies_registration ON public.tenancies USING btree (registration_division, moved_out);


--
-- Name: tenancies_unit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tenancies_unit ON public.tenancies USING btree (unit_id, moved_out);


--
-- Name: user_sessions_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_sessions_user ON public.user_sessions USING btree (user_id);


--
-- Name: users_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_division ON public.users USING btree (division_code);


--
-- Name: visit_photos_visit; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_photos_visit ON public.visit_photos USING btree (visit_id);


--
-- Name: visit_tasks_assignee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_tasks_assignee ON public.visit_tasks USING btree (assignee_id, done_at, due_at);


--
-- Name: visits_grid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_grid ON public.visits USING btree (grid_code, visited_at);


--
-- Name: visits_household; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visits_household ON public.visits USING btree (household_id, visited_at);


--
-- Name: webhook_deliveries_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_deliveries_pending ON public.webhook_deliveries USING btree (next_attempt_at) WHERE ((delivered_at IS NULL) AND (failed_at IS NULL));


--
-- Name: whistle_summons_department; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX whistle_summons_department ON public.whistle_summons USING btree (department_id);


--
-- Name: whistles_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX whistles_division ON public.whistles USING btree (division_code, blown_at);


--
-- Name: work_orders_browse; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_browse ON public.work_orders USING btree (created_at, id, division_code, status, category_code, department_id, overdue, supervision_level);


--
-- Name: work_orders_department; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_department ON public.work_orders USING btree (department_id, status, created_at, id);


--
-- Name: work_orders_division; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_division ON public.work_orders USING btree (division_code, created_at, id);


--
-- Name: work_orders_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_due ON public.work_orders USING btree (overdue, next_due_at, division_code, status) WHERE (next_due_at IS NOT NULL);


--
-- Name: work_orders_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_parent ON public.work_orders USING btree (parent_id);


--
-- Name: work_orders_phone; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_phone ON public.work_orders USING btree (requester_phone_index);


--
-- Name: work_orders_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_status ON public.work_orders USING btree (status, created_at, id);


--
-- Name: audit_entries audit_entries_no_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entries_no_change BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION public.audit_entries_append_only();


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: attachments attachments_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- Name: buildings buildings_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.buildings
    ADD CONSTRAINT buildings_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.divisions(code);


--
-- Name: category_attributes category_attributes_category_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.category_attributes
    ADD CONSTRAINT category_attributes_category_code_fkey FOREIGN KEY (category_code) REFERENCES public.categories(code);


--
-- Name: departments departments_division_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_division_code_fkey FOREIGN KEY (division_code) REFERENCES public.divisions(code);


--
-- Name: grid_change_reviews grid_change_reviews_change_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_change_reviews
    ADD CONSTRAINT grid_change_reviews_change_id_fkey FOREIGN KEY (change_id) REFERENCES public.grid_changes(id);


--
-- Name: grid_staff grid_staff_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_staff
    ADD CONSTRAINT grid_staff_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: grids grids_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT grids_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.divisions(code);


--
-- Name: hotspots hotspots_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.hotspots
    ADD CONSTRAINT hotspots_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.hotspot_runs(id);


--
-- Name: households households_building_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.households
    ADD CONSTRAINT households_building_id_fkey FOREIGN KEY (building_id) REFERENCES public.buildings(id);


--
-- Name: mediation_mediators mediation_mediators_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_mediators
    ADD CONSTRAINT mediation_mediators_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.mediation_cases(id);


--
-- Name: mediation_parties mediation_parties_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_parties
    ADD CONSTRAINT mediation_parties_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.mediation_cases(id);


--
-- Name: mediation_sessions mediation_sessions_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mediation_sessions
    ADD CONSTRAINT mediation_sessions_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.mediation_cases(id);


--
-- Name: meeting_opinions meeting_opinions_meeting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_opinions
    ADD CONSTRAINT meeting_opinions_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.meetings(id);


--
-- Name: meeting_opinions meeting_opinions_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_opinions
    ADD CONSTRAINT meeting_opinions_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- Name: meeting_opinions meeting_opinions_topic_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_opinions
    ADD CONSTRAINT meeting_opinions_topic_id_fkey FOREIGN KEY (topic_id) REFERENCES public.meeting_topics(id);


--
-- Name: meeting_topic_supports meeting_topic_supports_topic_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_topic_supports
    ADD CONSTRAINT meeting_topic_supports_topic_id_fkey FOREIGN KEY (topic_id) REFERENCES public.meeting_topics(id);


--
-- Name: meeting_topics meeting_topics_meeting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meeting_topics
    ADD CONSTRAINT meeting_topics_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.meetings(id);


--
-- Name: petition_reviews petition_reviews_petition_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.petition_reviews
    ADD CONSTRAINT petition_reviews_petition_id_fkey FOREIGN KEY (petition_id) REFERENCES public.petitions(id);


--
-- Name: petitions petitions_mediation_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.petitions
    ADD CONSTRAINT petitions_mediation_case_id_fkey FOREIGN KEY (mediation_case_id) REFERENCES public.mediation_cases(id);


--
-- Name: rental_units rental_units_building_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rental_units
    ADD CONSTRAINT rental_units_building_id_fkey FOREIGN KEY (building_id) REFERENCES public.buildings(id);


--
-- Name: rental_units rental_units_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rental_units
    ADD CONSTRAINT rental_units_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.divisions(code);


--
-- Name: residents residents_building_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.residents
    ADD CONSTRAINT residents_building_id_fkey FOREIGN KEY (building_id) REFERENCES public.buildings(id);


--
-- Name: residents residents_household_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.residents
    ADD CONSTRAINT residents_household_id_fkey FOREIGN KEY (household_id) REFERENCES public.households(id);


--
-- Name: service_event_requests service_event_requests_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_requests
    ADD CONSTRAINT service_event_requests_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.service_events(id);


--
-- Name: service_event_requests service_event_requests_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_requests
    ADD CONSTRAINT service_event_requests_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- Name: service_event_requests service_event_requests_stall_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_requests
    ADD CONSTRAINT service_event_requests_stall_id_fkey FOREIGN KEY (stall_id) REFERENCES public.service_event_stalls(id);


--
-- Name: service_event_stalls service_event_stalls_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_stalls
    ADD CONSTRAINT service_event_stalls_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id);


--
-- Name: service_event_stalls service_event_stalls_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_event_stalls
    ADD CONSTRAINT service_event_stalls_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.service_events(id);


--
-- Name: sla_alerts sla_alerts_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_alerts
    ADD CONSTRAINT sla_alerts_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- Name: tenancies tenancies_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenancies
    ADD CONSTRAINT tenancies_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.rental_units(id);


--
-- Name: user_sessions user_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: users users_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id);


--
-- Name: users users_division_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_division_code_fkey FOREIGN KEY (division_code) REFERENCES public.divisions(code);


--
-- Name: visit_tasks visit_tasks_assignee_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_tasks
    ADD CONSTRAINT visit_tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES public.users(id);


--
-- Name: visit_tasks visit_tasks_tenancy_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_tasks
    ADD CONSTRAINT visit_tasks_tenancy_id_fkey FOREIGN KEY (tenancy_id) REFERENCES public.tenancies(id);


--
-- Name: webhook_deliveries webhook_deliveries_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscriptions(id);


--
-- Name: whistle_summons whistle_summons_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistle_summons
    ADD CONSTRAINT whistle_summons_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id);


--
-- Name: whistle_summons whistle_summons_whistle_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistle_summons
    ADD CONSTRAINT whistle_summons_whistle_id_fkey FOREIGN KEY (whistle_id) REFERENCES public.whistles(id);


--
-- Name: whistles whistles_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.whistles
    ADD CONSTRAINT whistles_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- Name: work_order_events work_order_events_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_events
    ADD CONSTRAINT work_order_events_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.work_orders(id);


--
-- PostgreSQL database dump complete
--



-- servicedesk test schema, Django 5.2.20
-- file core/bootstrap.py 88a2171cca8cb9f172bf78ad35f877fc4e8162c19ba89ce198632d0df8370395
-- file core/roles.py c97fb0012b1de742568b83526c18d6fdaeb177184b7e65577147b428c1b3b82b
-- file admin/migrations/0001_initial.py f4716989d9815b6231f0d7291754835e008c96818447fe57984bbf8985883335
-- file admin/migrations/0002_logentry_remove_auto_add.py 2c127e659a2236edea0ed57eccd38786ae84e365790a80b96b758c617f50be43
-- file admin/migrations/0003_logentry_add_action_flag_choices.py 02700a827190720e5c417495a395071b6baa28a34e74bc8f90824afaafc01841
-- file admin/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file auth/migrations/0001_initial.py 845cff319606332f49ef20ce165d1a17e522c426c5e56d7616133e9e4eaba5ef
-- file auth/migrations/0002_alter_permission_name_max_length.py feaf97e0e8f7d148bec3db9bab2349c5e15888117c1ff2829deff63ef9e16cff
-- file auth/migrations/0003_alter_user_email_max_length.py 9d5657b4db9872dc26c2d634c2f5911a3d69ab1d8552af4c6d633bc4001dfabf
-- file auth/migrations/0004_alter_user_username_opts.py 9538db342c9a9bec4ca12b3137fb80772c4ea4afb861e8647a2962b1ea58344a
-- file auth/migrations/0005_alter_user_last_login_null.py 79f60a35dc000fdd427bc05c85233ae5b9c4ada078ff0688fc9f78604bf7eaee
-- file auth/migrations/0006_require_contenttypes_0002.py 00cb16e3405f14b62dbeffa15c68c9030291e4ddd513d733648ba460d6c5e781
-- file auth/migrations/0007_alter_validators_add_error_messages.py 115db87dc327530fb5e1964ba3d03f9746492f90600406947be39f54f6cc042f
-- file auth/migrations/0008_alter_user_username_max_length.py 02857f65f7d648147a5d12596b200a83e29145391d3f986ceb84b3b865a2c351
-- file auth/migrations/0009_alter_user_last_name_max_length.py 19a89500e7f108a7397da9b1733181f92105f758663b3685b60f5c2da384d76e
-- file auth/migrations/0010_alter_group_name_max_length.py 0963ed6498ac0b3a8430b6ca34c1b4a4b1d5f55b43d3db902f15a03ff74b14cd
-- file auth/migrations/0011_update_proxy_permissions.py 85a5dde708dc4b6111e1bc71ce723ecfba7b1f8aedecfd130900ff7782765436
-- file auth/migrations/0012_alter_user_first_name_max_length.py 6cefbc9f80903763ff8492a537a22836ef69f2227e19d402509b8099d2baecb0
-- file auth/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file contenttypes/migrations/0001_initial.py 35ed8489a147e0b42a15c21b5d4f0e8940de6f73fb326e9d6dea91b4d0b953cc
-- file contenttypes/migrations/0002_remove_content_type_name.py 7d36494075750f0ed3c0f68d0cb1548eba59cc593f52f691f6cc37a043083766
-- file contenttypes/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file sessions/migrations/0001_initial.py 2aa438e2393ee5135c4dda94bfde65fd49e8300f1c3f93bed25ae3a09f2f69b9
-- file sessions/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file authtoken/migrations/0001_initial.py f2199a72dc76a4a19e255f79ada5b817b925c9736570d401be66a1be72e3db15
-- file authtoken/migrations/0002_auto_20160226_1747.py 7f60bc909d43e00dae4ed7b51f6502736fa9fe0c4f5b34f8ffdea86a0279ea79
-- file authtoken/migrations/0003_tokenproxy.py 6ec16fccefe2f22311687bde6c8654e791ca36bd3c920d83e8bb5db994035c6c
-- file authtoken/migrations/0004_alter_tokenproxy_options.py 2b61f87c0ad8ff95c616ca027e405e91b97843fc375c3d96c366656fe0197e28
-- file authtoken/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file axes/migrations/0001_initial.py e4c0194cf158395b362677070de9973e806e51e80f111c046a2e195c764f65f4
-- file axes/migrations/0002_auto_20151217_2044.py a092989bdd502de76bbc53afb8418b3482f4cb802e9151c01e30a1231de0c46a
-- file axes/migrations/0003_auto_20160322_0929.py ff269df1341caca019962131955d57f3d2ba21d38a9b149dc84b3481f97293c2
-- file axes/migrations/0004_auto_20181024_1538.py 71cdafbe7458c7725f77a4fd28d29a567a2dce2b98f0cba08f6928687b3354f1
-- file axes/migrations/0005_remove_accessattempt_trusted.py baf3f5f6de5b5ee821cbb1fe23557937372f84081e799ea85e92f0223d5fc70e
-- file axes/migrations/0006_remove_accesslog_trusted.py 82850f25ae37e081d3be61df28489de717cc1c6674a8492cf4b8eff35bf865da
-- file axes/migrations/0007_alter_accessattempt_unique_together.py c9fdd81629030721468cf6178495dc2476b648c8d9ed7c6047a8a57357a8f494
-- file axes/migrations/0008_accessfailurelog.py 2680dce9ecfcd4dfc2482a61de1ab9b27f6906d78ac6af8c4bbf76466444fb24
-- file axes/migrations/0009_add_session_hash.py 82762be269ea4c62b81b84bed984d082b1e2f416a8bfb6c112c36bc432d182db
-- file axes/migrations/0010_accessattemptexpiration.py 524ca5b4566a41b88b220e88c8213052a4378478065a4c7e4c8738672814557d
-- file axes/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file core/migrations/0001_initial.py 66089b6cfc538bf388375cb47e282621091c6152f63f8dac2e9ed0f992f7b92a
-- file core/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file servicedesk/migrations/0001_roles.py 530b26038dbbadfcfd07faa4c62aa688f9127238c4185110d09f96068c89b34e
-- file servicedesk/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file catalog/migrations/0001_initial.py 531a8310c22bfb7bed5a5d84e15e4d3ede5b4076fdaaa0b622dea1c3f4be8d50
-- file catalog/migrations/0002_list_indexes.py 6413ce455d8d179915ab3571762bc82d9e76a73f3e795a61f4c3527aa7685db0
-- file catalog/migrations/0003_contact_email_upper.py 94fce72a8eb83818fc76e4d0872d60f5080dc733464e37982e71a8b08d6dc4ef
-- file catalog/migrations/0004_canned_reply.py 74665152d68d9561c12324d07ddf477e82d9cd88b109513262d8e8d0b2692357
-- file catalog/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file notifications/migrations/0001_initial.py bb64cddf46739c0473f7dc788dde55261417c75a466a3ac52af6caab8d81807b
-- file notifications/migrations/0002_default_templates.py b722e285c67636ce974520b7e506600991df56b65ba60bd4933fcfaf7a979626
-- file notifications/migrations/0003_sms_plural.py e37d4ec6efb033c2344446bdff62f3c9351eeec31eed4a9beb77ecdaebf8b4e7
-- file notifications/migrations/0004_stakeholdergroup_services.py ce5f9fc199709b3f044fa470753ef407d3ecb0e0bdb9f1413a17e5b59876b1f7
-- file notifications/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file notifications/defaults.py a4251ead21f3dcbfdcf1a6acdbd7847109b57cae198a56d169f7f844790e9315
-- file sla/migrations/0001_initial.py 997929d876e71de5cc6fd721803c9f807054793d34d83b1e0afd5f2985d379b7
-- file sla/migrations/0002_templates.py 66fe53827bfa0d864fec009dbf7f7d14754af3b682f3b9eda43d2b9dda991989
-- file sla/migrations/0003_escalation_notified.py e01444168a9ea2e9bc518c057d4c9e0b693528f5b31d2d358fe08b2c61aebe31
-- file sla/migrations/0004_reopen.py 458b3aae4f3a1e1ea0ceb8bce6fa2faf4912dd2000e4b5f0085a88cccb7b0103
-- file sla/migrations/0005_complaint_kind.py 24fb696f067df870e8c26256f1f8e78d90c407905b57d2ed301016406a92691f
-- file sla/migrations/0006_requester_escalation.py 09eb3e38cb1be08e9e79ace3b750ce5b478390817447e7d7f08ed088acb2f05d
-- file sla/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file sla/defaults.py aa1fa2d1331ade0bccb5c33ae1b01f29914037baf3609c30a3a50d4379f0525c
-- file incidents/migrations/0001_initial.py bfc39db74f53f9d9be271c28d344df7a808cd475b6326b66f05faf519c3c6f59
-- file incidents/migrations/0002_reference_data.py 27412646eea6d1378b5005e0a27126c2000888b7e60309b5d332121233984ba4
-- file incidents/migrations/0003_open_priority_index.py 040ca1d2b9a951610688ac7f0912c6d82e37743965ef0769dd146af39deec179
-- file incidents/migrations/0004_major_incidents_and_spikes.py deb6518d8912886f1286ac9bc7720ef427c85b136c1238962547d8a173b594a8
-- file incidents/migrations/0005_major_incident_templates.py e175d30c2a8e52ff25afd087a770d05f0cccfb0687a7d0bf2f8f1143c8e57074
-- file incidents/migrations/0006_majorincidenttask_status_fsm.py 29b5dcdde6f4026a7c79463477b3b16f7e7bae572ce2f7ceae7dc71278373dc5
-- file incidents/migrations/0007_timeline_indexes.py 203668fcbb378c6738c38ee71515fbc85acc93b716aa5d9a49058efe2ead8169
-- file incidents/migrations/0008_set_based_links.py 4c801cd73c79e14c78f46f2d93a467455a4212f8f2082d7b06098d8075f17760
-- file incidents/migrations/0009_suspected_major.py f9541feb22de52d59e72adea45453cd2246480865f82e85b0b0e28c31e085477
-- file incidents/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file incidents/defaults.py 81440b39ca1669389dcd9bc0fca6d02ff54122023aab97ab1155c1693e348ceb
-- file statuspage/migrations/0001_initial.py 1e695c57ef9d99299697d3b8123c2bb27d0f301bab2adc97a3382f44c5eacd03
-- file statuspage/migrations/0002_maintenancenotice.py 10a4883671226cbe681ef886be7cef20e46a06624c68dd58b3cb03f19f7fdbf0
-- file statuspage/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file problems/migrations/0001_initial.py 4f6978aac39538121a32199fe73b2dc1c10014b9cc15247a0088b434d466e5df
-- file problems/migrations/0002_known_error_search.py 0cb4f89232c62596db77293d9b4f7d6fdefbfa0fa576f1de3d2d16ca7168cf7b
-- file problems/migrations/0003_root_cause_at.py 43d2358aa0b3eb0866496fd0f01b1ead19d4691d44fae319928b08a0211732e5
-- file problems/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file changes/migrations/0001_initial.py 9c17220381d24c76bd57e4c53d1e7b28e5f1a363ce80814ea4f2167c336d61ce
-- file changes/migrations/0002_category_matrix.py 39180ffd5827c6ed165fdf6c5601e448a2c7bd7e650ccdd8f2671575d77a5bc8
-- file changes/migrations/0003_change_control.py 2785057c21a1bc13b7a49b9a48d0f6b9f1fffee219260e20eb202078d2f7cb18
-- file changes/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file changes/defaults.py 1cb1ac9b577d99cb3e1d2b717349a35d8b9f335b10eaab3753828d4563429769
-- file requests/migrations/0001_initial.py 2ca3c8e1df2360a9a21d5716d2674445d495f9521b34ff439e02927c66e99277
-- file requests/migrations/0002_channel.py 4f95a34da2276be1496875a8662d8fd4847658b65eaf7f3d552ddb262ea29fd9
-- file requests/migrations/0003_timeline_indexes.py d38b9c64860c47c8a22e0833fa1856396c850e9b45ab2bdcc0be2db01f466bff
-- file requests/migrations/0004_priority_impact_urgency.py 9da86cb940a10d888e3b0ab949c16d8f973488b8f86d3062485ce83914e5ce5b
-- file requests/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file mail/migrations/0001_initial.py 118214089d531475855b6257e0f7c9e96d3aeec6fc84eb1cdd08e7cf85fed656
-- file mail/migrations/0002_inbound_from_index.py d60f88784cfdadd294935e2e89533b6588fcb400ee180487cf3613edc3a86149
-- file mail/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file monitoring/migrations/0001_initial.py 6fad4e3265a5d9c69f92df5a42cb86b2f686dfd941387ebc0bfc8e6c96b79bdc
-- file monitoring/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file contactcenter/migrations/0001_initial.py 0d3475a8a859ec1e20f5888b230c4f23e241ae981b96be920afea3b602c9b371
-- file contactcenter/migrations/0002_callbacks.py 31fc7ba84c563dc49e96c6e712b41510dba1bfda4a1996da6f1504b04eb7f8f2
-- file contactcenter/migrations/0003_csat_and_survey.py 453344ab81c24163f0b40863b442ded295227930a972469b3a9c13382557d4b9
-- file contactcenter/migrations/0004_routing.py 73b2cbacaa44faa6ed9b187505ef46ec16007907415d7124c222409ca29d1abd
-- file contactcenter/migrations/0005_open_stretch_and_callback_indexes.py c90c6fa55856cac31d87e171a56c2d29300ff8a5e36063f1039cff3c0bb56770
-- file contactcenter/migrations/0006_agent_log_end.py 00a9588cc8b8eeb84335990ec7574c52c873026662bbbd14c0a6e0a2c1152d73
-- file contactcenter/migrations/0007_call_input_flags.py 6f97a4932cb1c50be9ff56c6b39fbb3b000f879fb011181ff640dfee3fa3e8fb
-- file contactcenter/migrations/0008_timeline_indexes.py fe979dc09b99e058b4b8d2b1696a9f75662e5a3d4088cf75718d5078d6840171
-- file contactcenter/migrations/0009_language_recording.py 5065c18a2a8a4f2b2a357a469507d31fab2d7289c2c691142c21d05711694a59
-- file contactcenter/migrations/0010_outbound_supervision.py e444784f018298de989764473b51e238659eb993fea753c9003d8ca1367e5b62
-- file contactcenter/migrations/0011_providers.py 7971661b55f4591efaa8425e2b37cd8cf06d75961380ddb89cebe66bbf4cbc36
-- file contactcenter/migrations/0012_all_hands.py c0b6c72772707cd9d141e2ce67e0207d092584cd84d02f33252d537017b4c664
-- file contactcenter/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file crm/migrations/0001_opportunity.py 33cdd740f925e0e52921bb4795f12881d59867aa47a4253351289602c430424f
-- file crm/migrations/0002_complaint_survey.py 3ae69a07adff6c080504b48930ca0b92a5075bf7d7472d63e671a476b1efb74d
-- file crm/migrations/0003_survey_timeline_indexes.py a414920220b4944c8e8043d6d2c14280b65a45393b82583cc7cd1de0275a04fe
-- file crm/migrations/0004_survey_first_contact.py 8af52a96acf6cc279e954f4efc43645f3a7dd3c4ae66a27fdc5d4f071f31cbc1
-- file crm/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file knowledge/migrations/0001_initial.py 97d600396e523f57fabda0114951f73727261f35638555a514b36d009bc9d67d
-- file knowledge/migrations/0002_article_search_vector.py 8cbd1896b4e0e8ba2fae832d46d48f210db9f112289aecb030a4b9b18a1d86b5
-- file knowledge/migrations/0003_article_search_title.py b8e15119a07c053233763ec28ff77df620d7e19e8eeff6ae8815486cb3a4bbf4
-- file knowledge/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file kpis/migrations/0001_initial.py 12a3257c25f6aefbb5ce196f4cd681e6d5e5b58caf13222760bc719a48b541e4
-- file kpis/migrations/0002_daily_call_tables.py 1076e02f0563c75b30a34b0356dcbe6e97546623d23387972233dc162eac1072
-- file kpis/migrations/0003_arrival_hours.py a3cb0442fa51100d1ad1e6fc9184666b5f54962e211278c07561d37ca00c4efd
-- file kpis/migrations/0004_incidentdaily_channel.py f7d63dce089389b136320eda8a1b487b8d2884d606a5d4b180d38fc80213f2f7
-- file kpis/migrations/0005_contact_center_step2.py 41829d3bc2158872c7379f5b1a7255fb5051e96883dc010049ba1585c9733471
-- file kpis/migrations/0006_dashboard_speed.py 4abee10a3ac9674a98a3369f6f19a43ec6fc189dd7621956c29caed4a6bc52e4
-- file kpis/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file search/migrations/0001_fulltext_indexes.py 3855285303d324a5a010287968403332307559b75a060fb2a2e115f0b8d31c00
-- file search/migrations/0002_stored_vectors.py c434e7df5b52ac2f05500dcde520ec57c332173107532e1ea94ba7949d8b44a9
-- file search/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- file sla_ticketapp/migrations/0001_initial.py 93b005f5808f5ff63068fc917501606d8e3fdb48c00fb85c22cf71b350b3201a
-- file sla_ticketapp/migrations/__init__.py e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

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
-- Name: btree_gin; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;


--
-- Name: EXTENSION btree_gin; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';


--
-- Name: catalog_contact_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.catalog_contact_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.name, NEW.email);
    ELSIF NEW.search_vector IS NULL OR NEW.name IS DISTINCT FROM OLD.name OR NEW.email IS DISTINCT FROM OLD.email THEN
        NEW.search_vector := search_document(NEW.name, NEW.email);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: catalog_customer_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.catalog_customer_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.name, NEW.notes);
    ELSIF NEW.search_vector IS NULL OR NEW.name IS DISTINCT FROM OLD.name OR NEW.notes IS DISTINCT FROM OLD.notes THEN
        NEW.search_vector := search_document(NEW.name, NEW.notes);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: changes_change_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.changes_change_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    ELSIF NEW.search_vector IS NULL OR NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: crm_complaint_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.crm_complaint_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.subject, NEW.description);
    ELSIF NEW.search_vector IS NULL OR NEW.subject IS DISTINCT FROM OLD.subject OR NEW.description IS DISTINCT FROM OLD.description THEN
        NEW.search_vector := search_document(NEW.subject, NEW.description);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: incidents_incident_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incidents_incident_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    ELSIF NEW.search_vector IS NULL OR NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: incidents_majorincident_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incidents_majorincident_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_major_incident_document(NEW.id, NEW.summary, NEW.resolution);
    ELSIF NEW.search_vector IS NULL OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.resolution IS DISTINCT FROM OLD.resolution THEN
        NEW.search_vector := search_major_incident_document(NEW.id, NEW.summary, NEW.resolution);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: incidents_postmortem_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incidents_postmortem_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE incidents_majorincident SET search_vector = NULL
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.major_incident_id ELSE NEW.major_incident_id END;
    RETURN NULL;
END
$$;


--
-- Name: knowledge_article_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_article_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title
       AND NEW.body IS NOT DISTINCT FROM OLD.body
       AND NEW.language IS NOT DISTINCT FROM OLD.language THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := knowledge_article_vector(NEW.language, NEW.title, NEW.body);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.search_title IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title
       AND NEW.language IS NOT DISTINCT FROM OLD.language THEN
        NEW.search_title := OLD.search_title;
    ELSE
        NEW.search_title := knowledge_title_vector(NEW.language, NEW.title);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: knowledge_article_vector(text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_article_vector(lang text, title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(title) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(title))), 'A')
        || setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(body) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(body))), 'B')
$$;


--
-- Name: knowledge_config(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_config(lang text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE lang
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'el' THEN 'greek'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig
        ELSE 'simple'::regconfig
    END
$$;


--
-- Name: knowledge_normalise(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_normalise(value text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
DECLARE
    result text := coalesce(value, '');
BEGIN
    -- The checks first: most text is NFKC already and has no Arabic script, and normalize()
    -- and translate() cost several times more than the checks (bench/knowledge_search.py).
    IF NOT result IS NFKC NORMALIZED THEN
        result := normalize(result, NFKC);
    END IF;
    IF result ~ E'[\u0600-\u06FF\u200C]' THEN
        result := regexp_replace(
            translate(result,
                      E'\u064A\u0649\u0643\u0629\u200C\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669'
                      || E'\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9',
                      E'\u06CC\u06CC\u06A9\u0647 01234567890123456789'),
            E'[\u064B-\u065F\u0640]', '', 'g');
    END IF;
    RETURN result;
END
$$;


--
-- Name: knowledge_title_vector(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_title_vector(lang text, title text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(title) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(title))), 'A')
$$;


--
-- Name: knowledge_zwnj_joined(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.knowledge_zwnj_joined(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE WHEN strpos(coalesce(value, ''), E'\u200C') = 0 THEN '' ELSE
        array_to_string(ARRAY(
            SELECT replace(m[1], E'\u200C', '')
            FROM regexp_matches(normalize(value, NFKC), E'([^[:space:]]*\u200C[^[:space:]]*)', 'g') AS m
        ), ' ')
    END
$$;


--
-- Name: problems_problem_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.problems_problem_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    ELSIF NEW.search_vector IS NULL OR NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description THEN
        NEW.search_vector := search_document(NEW.title, NEW.description);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: requests_servicerequest_search_vector(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.requests_servicerequest_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := jsonb_to_tsvector('simple'::regconfig, NEW.answers, '["string"]'::jsonb);
    ELSIF NEW.search_vector IS NULL OR NEW.answers IS DISTINCT FROM OLD.answers THEN
        NEW.search_vector := jsonb_to_tsvector('simple'::regconfig, NEW.answers, '["string"]'::jsonb);
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: search_document(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_document(title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A')
        || to_tsvector('simple'::regconfig, COALESCE(body, ''))
$$;


--
-- Name: search_major_incident_document(bigint, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_major_incident_document(major_id bigint, major_summary text, major_resolution text) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
    SELECT search_document(major_summary, concat_ws(' ', major_resolution, p.summary, p.root_cause,
                                                    p.contributing_factors))
        || COALESCE(jsonb_to_tsvector('simple'::regconfig, p.actions, '["string"]'::jsonb), ''::tsvector)
    FROM (SELECT 1) one
    LEFT JOIN incidents_postmortem p ON p.major_incident_id = major_id
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: auth_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group (
    id integer NOT NULL,
    name character varying(150) NOT NULL
);


--
-- Name: auth_group_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_group_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group_permissions (
    id bigint NOT NULL,
    group_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_permission (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    content_type_id integer NOT NULL,
    codename character varying(100) NOT NULL
);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_permission ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_permission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user (
    id integer NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL
);


--
-- Name: auth_user_groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_groups (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL
);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_groups ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_user_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_user_permissions (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_user_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_user_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: authtoken_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.authtoken_token (
    key character varying(40) NOT NULL,
    created timestamp with time zone NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: axes_accessattempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessattempt (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    get_data text NOT NULL,
    post_data text NOT NULL,
    failures_since_start integer NOT NULL,
    CONSTRAINT axes_accessattempt_failures_since_start_check CHECK ((failures_since_start >= 0))
);


--
-- Name: axes_accessattempt_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accessattempt ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessattempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: axes_accessattemptexpiration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessattemptexpiration (
    access_attempt_id integer NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: axes_accessfailurelog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessfailurelog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    locked_out boolean NOT NULL
);


--
-- Name: axes_accessfailurelog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accessfailurelog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessfailurelog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: axes_accesslog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accesslog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    logout_time timestamp with time zone,
    session_hash character varying(64) NOT NULL
);


--
-- Name: axes_accesslog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accesslog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accesslog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_agentprofile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_agentprofile (
    id bigint NOT NULL,
    phone character varying(16) NOT NULL,
    timezone character varying(64) NOT NULL,
    language character varying(10) NOT NULL,
    manager_id integer,
    user_id integer NOT NULL
);


--
-- Name: catalog_agentprofile_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_agentprofile ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_agentprofile_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_agentprofile_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_agentprofile_skills (
    id bigint NOT NULL,
    agentprofile_id bigint NOT NULL,
    skill_id bigint NOT NULL
);


--
-- Name: catalog_agentprofile_skills_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_agentprofile_skills ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_agentprofile_skills_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_cannedreply; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_cannedreply (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    body text NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    team_id bigint
);


--
-- Name: catalog_cannedreply_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_cannedreply ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_cannedreply_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_cirelation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_cirelation (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    source_id bigint NOT NULL,
    target_id bigint NOT NULL,
    CONSTRAINT catalog_cirelation_not_self CHECK ((NOT (source_id = target_id)))
);


--
-- Name: catalog_cirelation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_cirelation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_cirelation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_configurationitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_configurationitem (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    ci_type character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    description text NOT NULL,
    location character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    service_id bigint,
    owner_team_id bigint
);


--
-- Name: catalog_configurationitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_configurationitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_configurationitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_contact (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    email character varying(254) NOT NULL,
    pin_hash character varying(128) NOT NULL,
    language character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_id integer,
    customer_id bigint,
    search_vector tsvector
);


--
-- Name: catalog_contact_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_contact ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_contact_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_contactphone; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_contactphone (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    "position" smallint NOT NULL,
    contact_id bigint NOT NULL,
    CONSTRAINT catalog_contactphone_position_check CHECK (("position" >= 0))
);


--
-- Name: catalog_contactphone_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_contactphone ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_contactphone_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_customer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_customer (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    tier character varying(10) NOT NULL,
    account_number character varying(20) NOT NULL,
    notes text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    search_vector tsvector
);


--
-- Name: catalog_customer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_customer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalagentprofile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalagentprofile (
    id bigint NOT NULL,
    phone character varying(16) NOT NULL,
    timezone character varying(64) NOT NULL,
    language character varying(10) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    manager_id integer,
    user_id integer
);


--
-- Name: catalog_historicalagentprofile_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalagentprofile ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalagentprofile_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalagentprofile_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalagentprofile_skills (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    agentprofile_id bigint,
    history_id integer NOT NULL,
    skill_id bigint
);


--
-- Name: catalog_historicalagentprofile_skills_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalagentprofile_skills ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalagentprofile_skills_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalcannedreply; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalcannedreply (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    body text NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    team_id bigint
);


--
-- Name: catalog_historicalcannedreply_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalcannedreply ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalcannedreply_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalcirelation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalcirelation (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    source_id bigint,
    target_id bigint
);


--
-- Name: catalog_historicalcirelation_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalcirelation ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalcirelation_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalconfigurationitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalconfigurationitem (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    ci_type character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    description text NOT NULL,
    location character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    service_id bigint,
    owner_team_id bigint
);


--
-- Name: catalog_historicalconfigurationitem_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalconfigurationitem ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalconfigurationitem_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalcontact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalcontact (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    email character varying(254) NOT NULL,
    language character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    customer_id bigint,
    history_user_id integer,
    user_id integer
);


--
-- Name: catalog_historicalcontact_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalcontact ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalcontact_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalcontactphone; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalcontactphone (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    "position" smallint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    contact_id bigint,
    history_user_id integer,
    CONSTRAINT catalog_historicalcontactphone_position_check CHECK (("position" >= 0))
);


--
-- Name: catalog_historicalcontactphone_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalcontactphone ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalcontactphone_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalcustomer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalcustomer (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    tier character varying(10) NOT NULL,
    account_number character varying(20) NOT NULL,
    notes text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: catalog_historicalcustomer_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalcustomer ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalcustomer_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalservice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalservice (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL,
    availability_target numeric(6,3) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    owner_team_id bigint
);


--
-- Name: catalog_historicalservice_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalservice ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalservice_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalskill; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalskill (
    id bigint NOT NULL,
    name character varying(80) NOT NULL,
    description text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: catalog_historicalskill_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalskill ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalskill_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalteam; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalteam (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL,
    email character varying(254) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    manager_id integer
);


--
-- Name: catalog_historicalteam_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalteam ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalteam_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicalteam_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicalteam_members (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    user_id integer,
    team_id bigint
);


--
-- Name: catalog_historicalteam_members_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicalteam_members ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicalteam_members_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_historicaluser; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_historicaluser (
    id integer NOT NULL,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: catalog_historicaluser_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_historicaluser ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_historicaluser_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_service; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_service (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL,
    availability_target numeric(6,3) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    owner_team_id bigint
);


--
-- Name: catalog_service_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_service ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_service_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_skill; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_skill (
    id bigint NOT NULL,
    name character varying(80) NOT NULL,
    description text NOT NULL
);


--
-- Name: catalog_skill_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_skill ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_skill_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_team; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_team (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL,
    email character varying(254) NOT NULL,
    manager_id integer
);


--
-- Name: catalog_team_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_team ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_team_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_team_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_team_members (
    id bigint NOT NULL,
    team_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: catalog_team_members_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_team_members ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_team_members_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_team_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_team_skills (
    id bigint NOT NULL,
    team_id bigint NOT NULL,
    skill_id bigint NOT NULL
);


--
-- Name: catalog_team_skills_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_team_skills ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.catalog_team_skills_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_blackoutwindow; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_blackoutwindow (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    start timestamp with time zone NOT NULL,
    "end" timestamp with time zone NOT NULL,
    reason text NOT NULL,
    CONSTRAINT changes_blackoutwindow_forward CHECK (("end" > start))
);


--
-- Name: changes_blackoutwindow_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_blackoutwindow ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_blackoutwindow_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_blackoutwindow_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_blackoutwindow_services (
    id bigint NOT NULL,
    blackoutwindow_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_blackoutwindow_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_blackoutwindow_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_blackoutwindow_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_cabboard; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_cabboard (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(4) NOT NULL,
    quorum smallint NOT NULL,
    rule character varying(10) NOT NULL,
    veto boolean NOT NULL,
    implement_before_ratification boolean NOT NULL,
    CONSTRAINT changes_cabboard_quorum_check CHECK ((quorum >= 0))
);


--
-- Name: changes_cabboard_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_cabboard ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_cabboard_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_cabboard_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_cabboard_members (
    id bigint NOT NULL,
    cabboard_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: changes_cabboard_members_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_cabboard_members ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_cabboard_members_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_cabdecision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_cabdecision (
    id bigint NOT NULL,
    decision character varying(10) NOT NULL,
    notes text NOT NULL,
    meeting_id bigint NOT NULL,
    change_id bigint NOT NULL
);


--
-- Name: changes_cabdecision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_cabdecision ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_cabdecision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_cabmeeting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_cabmeeting (
    id bigint NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    duration_minutes smallint NOT NULL,
    repeat_days smallint,
    minutes text NOT NULL,
    board_id bigint NOT NULL,
    CONSTRAINT changes_cabmeeting_duration_minutes_check CHECK ((duration_minutes >= 0)),
    CONSTRAINT changes_cabmeeting_repeat_days_check CHECK ((repeat_days >= 0))
);


--
-- Name: changes_cabmeeting_attendees; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_cabmeeting_attendees (
    id bigint NOT NULL,
    cabmeeting_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: changes_cabmeeting_attendees_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_cabmeeting_attendees ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_cabmeeting_attendees_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_cabmeeting_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_cabmeeting ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_cabmeeting_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_categorymatrix; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_categorymatrix (
    id bigint NOT NULL,
    risk smallint NOT NULL,
    impact smallint NOT NULL,
    category character varying(12) NOT NULL,
    CONSTRAINT changes_categorymatrix_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_categorymatrix_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_categorymatrix_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_categorymatrix ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_categorymatrix_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    type character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    risk smallint,
    risk_answers jsonb NOT NULL,
    impact smallint NOT NULL,
    category character varying(12) NOT NULL,
    planned_start timestamp with time zone,
    planned_end timestamp with time zone,
    implementation_plan text NOT NULL,
    backout_plan text NOT NULL,
    test_plan text NOT NULL,
    outage_start timestamp with time zone,
    outage_end timestamp with time zone,
    approval_stage character varying(16) NOT NULL,
    ratification character varying(10) NOT NULL,
    outcome character varying(12) NOT NULL,
    review_notes text NOT NULL,
    rejection_reason text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone,
    authorized_at timestamp with time zone,
    implemented_at timestamp with time zone,
    completed_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    closed_at timestamp with time zone,
    assignee_id integer,
    requested_by_id integer,
    model_id bigint,
    deployment_authorized_at timestamp with time zone,
    deployment_authorized_by_id integer,
    major_criteria jsonb NOT NULL,
    proposal_id bigint,
    release_id bigint,
    search_vector tsvector,
    CONSTRAINT changes_change_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_change_outage_forward CHECK (((outage_end IS NULL) OR (outage_start IS NULL) OR (outage_end > outage_start))),
    CONSTRAINT changes_change_planned_forward CHECK (((planned_end IS NULL) OR (planned_start IS NULL) OR (planned_end > planned_start))),
    CONSTRAINT changes_change_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_change_caused_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_caused_incidents (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    incident_id bigint NOT NULL
);


--
-- Name: changes_change_caused_incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_caused_incidents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_caused_incidents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_cis (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    configurationitem_id bigint NOT NULL
);


--
-- Name: changes_change_cis_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_cis ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_cis_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_incidents (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    incident_id bigint NOT NULL
);


--
-- Name: changes_change_incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_incidents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_incidents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_outage_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_outage_services (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_change_outage_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_outage_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_outage_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_problems; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_problems (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    problem_id bigint NOT NULL
);


--
-- Name: changes_change_problems_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_problems ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_problems_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_change_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_change_services (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_change_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_change_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_change_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changeciupdate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changeciupdate (
    id bigint NOT NULL,
    attributes jsonb NOT NULL,
    relations jsonb NOT NULL,
    apply_on character varying(10) NOT NULL,
    before jsonb NOT NULL,
    applied_at timestamp with time zone,
    restored_at timestamp with time zone,
    change_id bigint NOT NULL,
    ci_id bigint NOT NULL
);


--
-- Name: changes_changeciupdate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changeciupdate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changeciupdate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changemodel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changemodel (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    description text NOT NULL,
    tasks jsonb NOT NULL,
    risk smallint NOT NULL,
    impact smallint NOT NULL,
    implementation_plan text NOT NULL,
    backout_plan text NOT NULL,
    test_plan text NOT NULL,
    allowed_windows jsonb NOT NULL,
    timezone character varying(64) NOT NULL,
    is_active boolean NOT NULL,
    needs_deployment_authorization boolean NOT NULL,
    CONSTRAINT changes_changemodel_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_changemodel_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_changemodel_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changemodel ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changemodel_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changemodel_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changemodel_services (
    id bigint NOT NULL,
    changemodel_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_changemodel_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changemodel_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changemodel_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changepolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changepolicy (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    deployment_categories jsonb NOT NULL,
    major_criteria jsonb NOT NULL,
    major_needs_proposal boolean NOT NULL,
    evaluation_categories jsonb NOT NULL
);


--
-- Name: changes_changepolicy_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changepolicy_cis (
    id bigint NOT NULL,
    changepolicy_id bigint NOT NULL,
    configurationitem_id bigint NOT NULL
);


--
-- Name: changes_changepolicy_cis_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changepolicy_cis ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changepolicy_cis_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changepolicy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changepolicy ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changepolicy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changepolicy_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changepolicy_services (
    id bigint NOT NULL,
    changepolicy_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_changepolicy_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changepolicy_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changepolicy_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changeproposal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changeproposal (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    business_case text NOT NULL,
    cost numeric(14,2),
    benefit text NOT NULL,
    risks text NOT NULL,
    status character varying(12) NOT NULL,
    decided_at timestamp with time zone,
    decision_notes text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    decided_by_id integer,
    requested_by_id integer
);


--
-- Name: changes_changeproposal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changeproposal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changeproposal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changeproposal_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changeproposal_services (
    id bigint NOT NULL,
    changeproposal_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: changes_changeproposal_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changeproposal_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changeproposal_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_changetask; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_changetask (
    id bigint NOT NULL,
    title character varying(300) NOT NULL,
    "order" smallint NOT NULL,
    done_at timestamp with time zone,
    change_id bigint NOT NULL,
    done_by_id integer,
    CONSTRAINT changes_changetask_order_check CHECK (("order" >= 0))
);


--
-- Name: changes_changetask_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_changetask ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_changetask_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_evaluationreport; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_evaluationreport (
    id bigint NOT NULL,
    risk text NOT NULL,
    cost text NOT NULL,
    capacity text NOT NULL,
    security text NOT NULL,
    recommendation character varying(6) NOT NULL,
    summary text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    author_id integer,
    change_id bigint NOT NULL
);


--
-- Name: changes_evaluationreport_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_evaluationreport ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_evaluationreport_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalblackoutwindow; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalblackoutwindow (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    start timestamp with time zone NOT NULL,
    "end" timestamp with time zone NOT NULL,
    reason text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: changes_historicalblackoutwindow_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalblackoutwindow ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalblackoutwindow_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalblackoutwindow_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalblackoutwindow_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    blackoutwindow_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: changes_historicalblackoutwindow_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalblackoutwindow_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalblackoutwindow_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalcabboard; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalcabboard (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(4) NOT NULL,
    quorum smallint NOT NULL,
    rule character varying(10) NOT NULL,
    veto boolean NOT NULL,
    implement_before_ratification boolean NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    CONSTRAINT changes_historicalcabboard_quorum_check CHECK ((quorum >= 0))
);


--
-- Name: changes_historicalcabboard_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalcabboard ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalcabboard_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalcabboard_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalcabboard_members (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    cabboard_id bigint,
    history_id integer NOT NULL,
    user_id integer
);


--
-- Name: changes_historicalcabboard_members_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalcabboard_members ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalcabboard_members_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalcabdecision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalcabdecision (
    id bigint NOT NULL,
    decision character varying(10) NOT NULL,
    notes text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    change_id bigint,
    history_user_id integer,
    meeting_id bigint
);


--
-- Name: changes_historicalcabdecision_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalcabdecision ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalcabdecision_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalcabmeeting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalcabmeeting (
    id bigint NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    duration_minutes smallint NOT NULL,
    repeat_days smallint,
    minutes text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    board_id bigint,
    history_user_id integer,
    CONSTRAINT changes_historicalcabmeeting_duration_minutes_check CHECK ((duration_minutes >= 0)),
    CONSTRAINT changes_historicalcabmeeting_repeat_days_check CHECK ((repeat_days >= 0))
);


--
-- Name: changes_historicalcabmeeting_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalcabmeeting ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalcabmeeting_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalcategorymatrix; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalcategorymatrix (
    id bigint NOT NULL,
    risk smallint NOT NULL,
    impact smallint NOT NULL,
    category character varying(12) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    CONSTRAINT changes_historicalcategorymatrix_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_historicalcategorymatrix_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_historicalcategorymatrix_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalcategorymatrix ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalcategorymatrix_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    type character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    risk smallint,
    risk_answers jsonb NOT NULL,
    impact smallint NOT NULL,
    category character varying(12) NOT NULL,
    planned_start timestamp with time zone,
    planned_end timestamp with time zone,
    implementation_plan text NOT NULL,
    backout_plan text NOT NULL,
    test_plan text NOT NULL,
    outage_start timestamp with time zone,
    outage_end timestamp with time zone,
    approval_stage character varying(16) NOT NULL,
    ratification character varying(10) NOT NULL,
    outcome character varying(12) NOT NULL,
    review_notes text NOT NULL,
    rejection_reason text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone,
    authorized_at timestamp with time zone,
    implemented_at timestamp with time zone,
    completed_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    closed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    assignee_id integer,
    history_user_id integer,
    model_id bigint,
    requested_by_id integer,
    deployment_authorized_at timestamp with time zone,
    deployment_authorized_by_id integer,
    major_criteria jsonb NOT NULL,
    proposal_id bigint,
    release_id bigint,
    CONSTRAINT changes_historicalchange_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_historicalchange_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_historicalchange_caused_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange_caused_incidents (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    change_id bigint,
    history_id integer NOT NULL,
    incident_id bigint
);


--
-- Name: changes_historicalchange_caused_incidents_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange_caused_incidents ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_caused_incidents_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange_cis (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    change_id bigint,
    configurationitem_id bigint,
    history_id integer NOT NULL
);


--
-- Name: changes_historicalchange_cis_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange_cis ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_cis_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange_incidents (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    change_id bigint,
    history_id integer NOT NULL,
    incident_id bigint
);


--
-- Name: changes_historicalchange_incidents_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange_incidents ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_incidents_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange_problems; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange_problems (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    change_id bigint,
    history_id integer NOT NULL,
    problem_id bigint
);


--
-- Name: changes_historicalchange_problems_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange_problems ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_problems_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchange_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchange_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    change_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: changes_historicalchange_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchange_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchange_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangeciupdate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangeciupdate (
    id bigint NOT NULL,
    attributes jsonb NOT NULL,
    relations jsonb NOT NULL,
    apply_on character varying(10) NOT NULL,
    before jsonb NOT NULL,
    applied_at timestamp with time zone,
    restored_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    change_id bigint,
    ci_id bigint,
    history_user_id integer
);


--
-- Name: changes_historicalchangeciupdate_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangeciupdate ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangeciupdate_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangemodel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangemodel (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    description text NOT NULL,
    tasks jsonb NOT NULL,
    risk smallint NOT NULL,
    impact smallint NOT NULL,
    implementation_plan text NOT NULL,
    backout_plan text NOT NULL,
    test_plan text NOT NULL,
    allowed_windows jsonb NOT NULL,
    timezone character varying(64) NOT NULL,
    is_active boolean NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    needs_deployment_authorization boolean NOT NULL,
    CONSTRAINT changes_historicalchangemodel_impact_check CHECK ((impact >= 0)),
    CONSTRAINT changes_historicalchangemodel_risk_check CHECK ((risk >= 0))
);


--
-- Name: changes_historicalchangemodel_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangemodel ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangemodel_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangemodel_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangemodel_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    changemodel_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: changes_historicalchangemodel_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangemodel_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangemodel_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangepolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangepolicy (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    deployment_categories jsonb NOT NULL,
    major_criteria jsonb NOT NULL,
    major_needs_proposal boolean NOT NULL,
    evaluation_categories jsonb NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: changes_historicalchangepolicy_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangepolicy_cis (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    changepolicy_id bigint,
    configurationitem_id bigint,
    history_id integer NOT NULL
);


--
-- Name: changes_historicalchangepolicy_cis_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangepolicy_cis ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangepolicy_cis_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangepolicy_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangepolicy ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangepolicy_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangepolicy_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangepolicy_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    changepolicy_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: changes_historicalchangepolicy_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangepolicy_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangepolicy_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangeproposal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangeproposal (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    business_case text NOT NULL,
    cost numeric(14,2),
    benefit text NOT NULL,
    risks text NOT NULL,
    status character varying(12) NOT NULL,
    decided_at timestamp with time zone,
    decision_notes text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    decided_by_id integer,
    history_user_id integer,
    requested_by_id integer
);


--
-- Name: changes_historicalchangeproposal_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangeproposal ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangeproposal_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalchangeproposal_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalchangeproposal_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    changeproposal_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: changes_historicalchangeproposal_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalchangeproposal_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalchangeproposal_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalevaluationreport; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalevaluationreport (
    id bigint NOT NULL,
    risk text NOT NULL,
    cost text NOT NULL,
    capacity text NOT NULL,
    security text NOT NULL,
    recommendation character varying(6) NOT NULL,
    summary text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    author_id integer,
    change_id bigint,
    history_user_id integer
);


--
-- Name: changes_historicalevaluationreport_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalevaluationreport ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalevaluationreport_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalraciassignment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalraciassignment (
    id bigint NOT NULL,
    step character varying(12) NOT NULL,
    raci character varying(1) NOT NULL,
    role character varying(20) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    model_id bigint,
    user_id integer
);


--
-- Name: changes_historicalraciassignment_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalraciassignment ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalraciassignment_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalrelease; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalrelease (
    id bigint NOT NULL,
    number character varying(16),
    name character varying(200) NOT NULL,
    description text NOT NULL,
    window_start timestamp with time zone,
    window_end timestamp with time zone,
    plan text NOT NULL,
    status character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    authorized_at timestamp with time zone,
    deployed_at timestamp with time zone,
    cancel_reason text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    authorized_by_id integer,
    created_by_id integer,
    history_user_id integer,
    owner_id integer
);


--
-- Name: changes_historicalrelease_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalrelease ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalrelease_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_historicalvote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_historicalvote (
    id bigint NOT NULL,
    decision character varying(8) NOT NULL,
    comment text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    board_id bigint,
    change_id bigint,
    history_user_id integer,
    member_id integer
);


--
-- Name: changes_historicalvote_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_historicalvote ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_historicalvote_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_raciassignment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_raciassignment (
    id bigint NOT NULL,
    step character varying(12) NOT NULL,
    raci character varying(1) NOT NULL,
    role character varying(20) NOT NULL,
    model_id bigint,
    user_id integer,
    CONSTRAINT changes_raciassignment_who CHECK (((user_id IS NOT NULL) OR (NOT ((role)::text = ''::text))))
);


--
-- Name: changes_raciassignment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_raciassignment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_raciassignment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_release; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_release (
    id bigint NOT NULL,
    number character varying(16),
    name character varying(200) NOT NULL,
    description text NOT NULL,
    window_start timestamp with time zone,
    window_end timestamp with time zone,
    plan text NOT NULL,
    status character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    authorized_at timestamp with time zone,
    deployed_at timestamp with time zone,
    cancel_reason text NOT NULL,
    authorized_by_id integer,
    created_by_id integer,
    owner_id integer,
    CONSTRAINT changes_release_window_forward CHECK (((window_end IS NULL) OR (window_start IS NULL) OR (window_end > window_start)))
);


--
-- Name: changes_release_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_release ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_release_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: changes_vote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes_vote (
    id bigint NOT NULL,
    decision character varying(8) NOT NULL,
    comment text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    board_id bigint NOT NULL,
    change_id bigint NOT NULL,
    member_id integer NOT NULL
);


--
-- Name: changes_vote_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.changes_vote ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.changes_vote_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_agentstate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_agentstate (
    id bigint NOT NULL,
    state character varying(10) NOT NULL,
    since timestamp with time zone NOT NULL,
    call_id bigint,
    user_id integer NOT NULL
);


--
-- Name: contactcenter_agentstate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_agentstate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_agentstate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_agentstatelog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_agentstatelog (
    id bigint NOT NULL,
    state character varying(10) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    call_id bigint,
    user_id integer NOT NULL
);


--
-- Name: contactcenter_agentstatelog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_agentstatelog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_agentstatelog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_announcement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_announcement (
    id bigint NOT NULL,
    message text NOT NULL,
    active boolean NOT NULL,
    allow_continue boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    major_incident_id bigint,
    language character varying(8) NOT NULL,
    prompt_audio jsonb NOT NULL
);


--
-- Name: contactcenter_announcement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_announcement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_announcement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_announcement_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_announcement_lines (
    id bigint NOT NULL,
    announcement_id bigint NOT NULL,
    line_id bigint NOT NULL
);


--
-- Name: contactcenter_announcement_lines_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_announcement_lines ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_announcement_lines_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_announcement_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_announcement_services (
    id bigint NOT NULL,
    announcement_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: contactcenter_announcement_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_announcement_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_announcement_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_call; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_call (
    id bigint NOT NULL,
    call_sid character varying(64) NOT NULL,
    direction character varying(20) NOT NULL,
    from_number character varying(32) NOT NULL,
    to_number character varying(32) NOT NULL,
    status character varying(20) NOT NULL,
    outcome character varying(12) NOT NULL,
    continued boolean NOT NULL,
    last_sequence integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    ended_at timestamp with time zone,
    talk_seconds integer,
    announcement_id bigint,
    contact_id bigint,
    customer_id bigint,
    line_id bigint,
    account_number character varying(20) NOT NULL,
    after_hours boolean NOT NULL,
    pin_tries smallint NOT NULL,
    wait_seconds integer,
    csat smallint,
    agent_id integer,
    held_since timestamp with time zone,
    hold_seconds integer NOT NULL,
    incident_id bigint,
    priority smallint NOT NULL,
    queued_at timestamp with time zone,
    repeat_of_id bigint,
    service_id bigint,
    transfers smallint NOT NULL,
    wrap_up_seconds integer,
    queue_id bigint,
    from_raw character varying(64) NOT NULL,
    input_flags jsonb NOT NULL,
    recording_notice boolean NOT NULL,
    callback_task_id bigint,
    outbound_error character varying(300) NOT NULL,
    placed_by_id integer,
    ticket_id bigint,
    ticket_kind character varying(12) NOT NULL,
    solved_on_call boolean,
    temporary_agent_id bigint,
    CONSTRAINT contactcenter_call_csat_check CHECK ((csat >= 0)),
    CONSTRAINT contactcenter_call_hold_seconds_check CHECK ((hold_seconds >= 0)),
    CONSTRAINT contactcenter_call_pin_tries_check CHECK ((pin_tries >= 0)),
    CONSTRAINT contactcenter_call_priority_check CHECK ((priority >= 0)),
    CONSTRAINT contactcenter_call_talk_seconds_check CHECK ((talk_seconds >= 0)),
    CONSTRAINT contactcenter_call_ticket_id_check CHECK ((ticket_id >= 0)),
    CONSTRAINT contactcenter_call_transfers_check CHECK ((transfers >= 0)),
    CONSTRAINT contactcenter_call_wait_seconds_check CHECK ((wait_seconds >= 0)),
    CONSTRAINT contactcenter_call_wrap_up_seconds_check CHECK ((wrap_up_seconds >= 0))
);


--
-- Name: contactcenter_call_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_call ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_call_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_callback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_callback (
    id bigint NOT NULL,
    number character varying(32) NOT NULL,
    reason character varying(12) NOT NULL,
    recording_url character varying(500) NOT NULL,
    recording_seconds integer,
    status character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    claimed_at timestamp with time zone,
    done_at timestamp with time zone,
    agent_id integer,
    call_id bigint NOT NULL,
    contact_id bigint,
    CONSTRAINT contactcenter_callback_recording_seconds_check CHECK ((recording_seconds >= 0))
);


--
-- Name: contactcenter_callback_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_callback ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_callback_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_callevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_callevent (
    id bigint NOT NULL,
    sequence integer NOT NULL,
    status character varying(20) NOT NULL,
    at timestamp with time zone NOT NULL,
    duration integer,
    received_at timestamp with time zone NOT NULL,
    call_id bigint NOT NULL,
    CONSTRAINT contactcenter_callevent_duration_check CHECK ((duration >= 0)),
    CONSTRAINT contactcenter_callevent_seq CHECK ((sequence >= 0))
);


--
-- Name: contactcenter_callevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_callevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_callevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_callrecording; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_callrecording (
    id bigint NOT NULL,
    recording_sid character varying(64) NOT NULL,
    status character varying(12) NOT NULL,
    duration_seconds integer,
    channels smallint,
    file character varying(200) NOT NULL,
    content_type character varying(60) NOT NULL,
    size integer,
    fetched_at timestamp with time zone,
    fetch_error character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    delete_after timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone,
    call_id bigint NOT NULL,
    CONSTRAINT contactcenter_callrecording_channels_check CHECK ((channels >= 0)),
    CONSTRAINT contactcenter_callrecording_duration_seconds_check CHECK ((duration_seconds >= 0)),
    CONSTRAINT contactcenter_callrecording_size_check CHECK ((size >= 0))
);


--
-- Name: contactcenter_callrecording_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_callrecording ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_callrecording_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_calltransfer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_calltransfer (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    agent_id integer,
    call_id bigint NOT NULL,
    from_queue_id bigint,
    to_queue_id bigint NOT NULL
);


--
-- Name: contactcenter_calltransfer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_calltransfer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_calltransfer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_conference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_conference (
    id bigint NOT NULL,
    name character varying(64) NOT NULL,
    sid character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    call_id bigint NOT NULL
);


--
-- Name: contactcenter_conference_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_conference ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_conference_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_conferenceevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_conferenceevent (
    id bigint NOT NULL,
    sid character varying(64) NOT NULL,
    sequence integer NOT NULL,
    event character varying(32) NOT NULL,
    call_sid character varying(64) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    conference_id bigint NOT NULL
);


--
-- Name: contactcenter_conferenceevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_conferenceevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_conferenceevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_conferenceleg; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_conferenceleg (
    id bigint NOT NULL,
    role character varying(10) NOT NULL,
    call_sid character varying(64) NOT NULL,
    status character varying(10) NOT NULL,
    muted boolean NOT NULL,
    coaching boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    joined_at timestamp with time zone,
    left_at timestamp with time zone,
    conference_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: contactcenter_conferenceleg_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_conferenceleg ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_conferenceleg_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_diallist; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_diallist (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    max_attempts smallint NOT NULL,
    retry_minutes integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    calendar_id bigint,
    line_id bigint NOT NULL,
    queue_id bigint NOT NULL,
    CONSTRAINT contactcenter_diallist_max_attempts_check CHECK ((max_attempts >= 0)),
    CONSTRAINT contactcenter_diallist_retry_minutes_check CHECK ((retry_minutes >= 0))
);


--
-- Name: contactcenter_diallist_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_diallist ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_diallist_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_diallistentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_diallistentry (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    status character varying(10) NOT NULL,
    attempts smallint NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    reserved_until timestamp with time zone,
    last_result character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    done_at timestamp with time zone,
    callback_id bigint,
    contact_id bigint,
    dial_list_id bigint NOT NULL,
    last_call_id bigint,
    reserved_by_id integer,
    CONSTRAINT contactcenter_diallistentry_attempts_check CHECK ((attempts >= 0))
);


--
-- Name: contactcenter_diallistentry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_diallistentry ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_diallistentry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_evaluation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_evaluation (
    id bigint NOT NULL,
    score double precision NOT NULL,
    comment text NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    agent_id integer,
    call_id bigint NOT NULL,
    evaluator_id integer,
    queue_id bigint,
    form_id bigint NOT NULL,
    CONSTRAINT contactcenter_evaluation_score CHECK (((score >= (0.0)::double precision) AND (score <= (100.0)::double precision)))
);


--
-- Name: contactcenter_evaluation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_evaluation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_evaluation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_evaluationanswer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_evaluationanswer (
    id bigint NOT NULL,
    points smallint NOT NULL,
    weight smallint NOT NULL,
    evaluation_id bigint NOT NULL,
    question_id bigint NOT NULL,
    CONSTRAINT contactcenter_evaluationanswer_points_check CHECK ((points >= 0)),
    CONSTRAINT contactcenter_evaluationanswer_weight_check CHECK ((weight >= 0))
);


--
-- Name: contactcenter_evaluationanswer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_evaluationanswer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_evaluationanswer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_evaluationform; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_evaluationform (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    queue_id bigint
);


--
-- Name: contactcenter_evaluationform_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_evaluationform ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_evaluationform_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_evaluationquestion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_evaluationquestion (
    id bigint NOT NULL,
    text character varying(300) NOT NULL,
    weight smallint NOT NULL,
    "position" smallint NOT NULL,
    form_id bigint NOT NULL,
    CONSTRAINT contactcenter_evaluationquestion_position_check CHECK (("position" >= 0)),
    CONSTRAINT contactcenter_evaluationquestion_weight_check CHECK ((weight >= 0))
);


--
-- Name: contactcenter_evaluationquestion_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_evaluationquestion ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_evaluationquestion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalannouncement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalannouncement (
    id bigint NOT NULL,
    message text NOT NULL,
    active boolean NOT NULL,
    allow_continue boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    major_incident_id bigint,
    language character varying(8) NOT NULL,
    prompt_audio jsonb NOT NULL
);


--
-- Name: contactcenter_historicalannouncement_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalannouncement ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalannouncement_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalannouncement_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalannouncement_lines (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    announcement_id bigint,
    history_id integer NOT NULL,
    line_id bigint
);


--
-- Name: contactcenter_historicalannouncement_lines_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalannouncement_lines ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalannouncement_lines_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalannouncement_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalannouncement_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    announcement_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: contactcenter_historicalannouncement_service_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalannouncement_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalannouncement_service_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalcallback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalcallback (
    id bigint NOT NULL,
    number character varying(32) NOT NULL,
    reason character varying(12) NOT NULL,
    recording_url character varying(500) NOT NULL,
    recording_seconds integer,
    status character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    claimed_at timestamp with time zone,
    done_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    agent_id integer,
    call_id bigint,
    contact_id bigint,
    history_user_id integer,
    CONSTRAINT contactcenter_historicalcallback_recording_seconds_check CHECK ((recording_seconds >= 0))
);


--
-- Name: contactcenter_historicalcallback_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalcallback ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalcallback_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalcallrecording; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalcallrecording (
    id bigint NOT NULL,
    recording_sid character varying(64) NOT NULL,
    status character varying(12) NOT NULL,
    duration_seconds integer,
    channels smallint,
    file text NOT NULL,
    content_type character varying(60) NOT NULL,
    size integer,
    fetched_at timestamp with time zone,
    fetch_error character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    delete_after timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    call_id bigint,
    history_user_id integer,
    CONSTRAINT contactcenter_historicalcallrecording_channels_check CHECK ((channels >= 0)),
    CONSTRAINT contactcenter_historicalcallrecording_duration_seconds_check CHECK ((duration_seconds >= 0)),
    CONSTRAINT contactcenter_historicalcallrecording_size_check CHECK ((size >= 0))
);


--
-- Name: contactcenter_historicalcallrecording_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalcallrecording ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalcallrecording_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalconference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalconference (
    id bigint NOT NULL,
    name character varying(64) NOT NULL,
    sid character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    call_id bigint,
    history_user_id integer
);


--
-- Name: contactcenter_historicalconference_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalconference ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalconference_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalconferenceevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalconferenceevent (
    id bigint NOT NULL,
    sid character varying(64) NOT NULL,
    sequence integer NOT NULL,
    event character varying(32) NOT NULL,
    call_sid character varying(64) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    conference_id bigint,
    history_user_id integer
);


--
-- Name: contactcenter_historicalconferenceevent_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalconferenceevent ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalconferenceevent_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalconferenceleg; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalconferenceleg (
    id bigint NOT NULL,
    role character varying(10) NOT NULL,
    call_sid character varying(64) NOT NULL,
    status character varying(10) NOT NULL,
    muted boolean NOT NULL,
    coaching boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    joined_at timestamp with time zone,
    left_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    conference_id bigint,
    history_user_id integer,
    user_id integer
);


--
-- Name: contactcenter_historicalconferenceleg_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalconferenceleg ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalconferenceleg_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicaldiallist; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicaldiallist (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    max_attempts smallint NOT NULL,
    retry_minutes integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    calendar_id bigint,
    history_user_id integer,
    line_id bigint,
    queue_id bigint,
    CONSTRAINT contactcenter_historicaldiallist_max_attempts_check CHECK ((max_attempts >= 0)),
    CONSTRAINT contactcenter_historicaldiallist_retry_minutes_check CHECK ((retry_minutes >= 0))
);


--
-- Name: contactcenter_historicaldiallist_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicaldiallist ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicaldiallist_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicaldiallistentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicaldiallistentry (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    status character varying(10) NOT NULL,
    attempts smallint NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_result character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    done_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    callback_id bigint,
    contact_id bigint,
    dial_list_id bigint,
    history_user_id integer,
    last_call_id bigint,
    CONSTRAINT contactcenter_historicaldiallistentry_attempts_check CHECK ((attempts >= 0))
);


--
-- Name: contactcenter_historicaldiallistentry_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicaldiallistentry ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicaldiallistentry_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalevaluation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalevaluation (
    id bigint NOT NULL,
    score double precision NOT NULL,
    comment text NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    agent_id integer,
    call_id bigint,
    evaluator_id integer,
    form_id bigint,
    history_user_id integer,
    queue_id bigint
);


--
-- Name: contactcenter_historicalevaluation_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalevaluation ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalevaluation_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalevaluationanswer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalevaluationanswer (
    id bigint NOT NULL,
    points smallint NOT NULL,
    weight smallint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    evaluation_id bigint,
    history_user_id integer,
    question_id bigint,
    CONSTRAINT contactcenter_historicalevaluationanswer_points_check CHECK ((points >= 0)),
    CONSTRAINT contactcenter_historicalevaluationanswer_weight_check CHECK ((weight >= 0))
);


--
-- Name: contactcenter_historicalevaluationanswer_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalevaluationanswer ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalevaluationanswer_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalevaluationform; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalevaluationform (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    queue_id bigint
);


--
-- Name: contactcenter_historicalevaluationform_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalevaluationform ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalevaluationform_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalevaluationquestion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalevaluationquestion (
    id bigint NOT NULL,
    text character varying(300) NOT NULL,
    weight smallint NOT NULL,
    "position" smallint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    form_id bigint,
    history_user_id integer,
    CONSTRAINT contactcenter_historicalevaluationquestion_position_check CHECK (("position" >= 0)),
    CONSTRAINT contactcenter_historicalevaluationquestion_weight_check CHECK ((weight >= 0))
);


--
-- Name: contactcenter_historicalevaluationquestion_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalevaluationquestion ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalevaluationquestion_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalline (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    name character varying(120) NOT NULL,
    greeting text NOT NULL,
    after_hours_message text NOT NULL,
    is_active boolean NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    calendar_id bigint,
    history_user_id integer,
    service_id bigint,
    csat_survey boolean NOT NULL,
    queue_id bigint,
    language character varying(8) NOT NULL,
    prompt_audio jsonb NOT NULL,
    record_calls boolean NOT NULL,
    voice character varying(60) NOT NULL
);


--
-- Name: contactcenter_historicalline_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalline ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalline_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalmenuoption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalmenuoption (
    id bigint NOT NULL,
    digit character varying(1) NOT NULL,
    label character varying(120) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    line_id bigint,
    service_id bigint,
    queue_id bigint
);


--
-- Name: contactcenter_historicalmenuoption_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalmenuoption ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalmenuoption_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalpromptrecording; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalpromptrecording (
    id bigint NOT NULL,
    key character varying(32) NOT NULL,
    language character varying(8) NOT NULL,
    audio text NOT NULL,
    content_type character varying(60) NOT NULL,
    size integer NOT NULL,
    source character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    announcement_id bigint,
    history_user_id integer,
    line_id bigint,
    recorded_by_id integer,
    CONSTRAINT contactcenter_historicalpromptrecording_size_check CHECK ((size >= 0))
);


--
-- Name: contactcenter_historicalpromptrecording_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalpromptrecording ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalpromptrecording_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalpromptrecordingsession; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalpromptrecordingsession (
    id bigint NOT NULL,
    key character varying(32) NOT NULL,
    language character varying(8) NOT NULL,
    code_hash character varying(128) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    call_sid character varying(64) NOT NULL,
    recording_sid character varying(64) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    announcement_id bigint,
    history_user_id integer,
    line_id bigint,
    requested_by_id integer,
    recording_id bigint
);


--
-- Name: contactcenter_historicalpromptrecordingsession_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalpromptrecordingsession ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalpromptrecordingsession_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalprovider; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalprovider (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(12) NOT NULL,
    cost_basis character varying(10) NOT NULL,
    cost numeric(10,2) NOT NULL,
    currency character varying(3) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: contactcenter_historicalprovider_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalprovider ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalprovider_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalqueue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalqueue (
    id bigint NOT NULL,
    name character varying(64) NOT NULL,
    priority smallint NOT NULL,
    service_level_seconds integer NOT NULL,
    hold_music_url character varying(200) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    skill_id bigint,
    record_calls boolean NOT NULL,
    provider_id bigint,
    CONSTRAINT contactcenter_historicalqueue_priority_check CHECK ((priority >= 0)),
    CONSTRAINT contactcenter_historicalqueue_service_level_seconds_check CHECK ((service_level_seconds >= 0))
);


--
-- Name: contactcenter_historicalqueue_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalqueue ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalqueue_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalsupervisionaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalsupervisionaction (
    id bigint NOT NULL,
    action character varying(10) NOT NULL,
    at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    call_id bigint,
    history_user_id integer,
    leg_id bigint,
    supervisor_id integer
);


--
-- Name: contactcenter_historicalsupervisionaction_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalsupervisionaction ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalsupervisionaction_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicalteamprovider; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicalteamprovider (
    id bigint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    team_id bigint,
    provider_id bigint
);


--
-- Name: contactcenter_historicalteamprovider_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicalteamprovider ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicalteamprovider_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicaltemporaryagent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicaltemporaryagent (
    id bigint NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    left_at timestamp with time zone,
    ended_by character varying(10) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    major_incident_id bigint,
    user_id integer
);


--
-- Name: contactcenter_historicaltemporaryagent_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicaltemporaryagent ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicaltemporaryagent_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_historicaltemporaryagent_queues; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_historicaltemporaryagent_queues (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    queue_id bigint,
    temporaryagent_id bigint
);


--
-- Name: contactcenter_historicaltemporaryagent_queue_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_historicaltemporaryagent_queues ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_historicaltemporaryagent_queue_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_line; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_line (
    id bigint NOT NULL,
    number character varying(16) NOT NULL,
    name character varying(120) NOT NULL,
    greeting text NOT NULL,
    after_hours_message text NOT NULL,
    is_active boolean NOT NULL,
    calendar_id bigint,
    service_id bigint,
    csat_survey boolean NOT NULL,
    queue_id bigint,
    language character varying(8) NOT NULL,
    prompt_audio jsonb NOT NULL,
    record_calls boolean NOT NULL,
    voice character varying(60) NOT NULL
);


--
-- Name: contactcenter_line_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_line ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_line_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_menuoption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_menuoption (
    id bigint NOT NULL,
    digit character varying(1) NOT NULL,
    label character varying(120) NOT NULL,
    line_id bigint NOT NULL,
    service_id bigint,
    queue_id bigint NOT NULL
);


--
-- Name: contactcenter_menuoption_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_menuoption ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_menuoption_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_promptrecording; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_promptrecording (
    id bigint NOT NULL,
    key character varying(32) NOT NULL,
    language character varying(8) NOT NULL,
    audio character varying(200) NOT NULL,
    content_type character varying(60) NOT NULL,
    size integer NOT NULL,
    source character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    announcement_id bigint,
    line_id bigint,
    recorded_by_id integer,
    CONSTRAINT contactcenter_promptrecording_one_owner CHECK ((((line_id IS NULL) OR (announcement_id IS NULL)) AND (1 = (
CASE
    WHEN (line_id IS NULL) THEN 1
    ELSE 0
END +
CASE
    WHEN (announcement_id IS NULL) THEN 1
    ELSE 0
END)))),
    CONSTRAINT contactcenter_promptrecording_size_check CHECK ((size >= 0))
);


--
-- Name: contactcenter_promptrecording_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_promptrecording ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_promptrecording_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_promptrecordingsession; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_promptrecordingsession (
    id bigint NOT NULL,
    key character varying(32) NOT NULL,
    language character varying(8) NOT NULL,
    code_hash character varying(128) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    call_sid character varying(64) NOT NULL,
    recording_sid character varying(64) NOT NULL,
    announcement_id bigint,
    line_id bigint,
    recording_id bigint,
    requested_by_id integer
);


--
-- Name: contactcenter_promptrecordingsession_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_promptrecordingsession ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_promptrecordingsession_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_provider; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_provider (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(12) NOT NULL,
    cost_basis character varying(10) NOT NULL,
    cost numeric(10,2) NOT NULL,
    currency character varying(3) NOT NULL
);


--
-- Name: contactcenter_provider_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_provider ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_provider_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_queue (
    id bigint NOT NULL,
    name character varying(64) NOT NULL,
    priority smallint NOT NULL,
    service_level_seconds integer NOT NULL,
    hold_music_url character varying(200) NOT NULL,
    skill_id bigint,
    record_calls boolean NOT NULL,
    provider_id bigint,
    CONSTRAINT contactcenter_queue_priority_check CHECK ((priority >= 0)),
    CONSTRAINT contactcenter_queue_service_level_seconds_check CHECK ((service_level_seconds >= 0))
);


--
-- Name: contactcenter_queue_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_queue ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_queue_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_supervisionaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_supervisionaction (
    id bigint NOT NULL,
    action character varying(10) NOT NULL,
    at timestamp with time zone NOT NULL,
    call_id bigint NOT NULL,
    leg_id bigint,
    supervisor_id integer NOT NULL
);


--
-- Name: contactcenter_supervisionaction_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_supervisionaction ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_supervisionaction_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_teamprovider; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_teamprovider (
    id bigint NOT NULL,
    provider_id bigint NOT NULL,
    team_id bigint NOT NULL
);


--
-- Name: contactcenter_teamprovider_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_teamprovider ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_teamprovider_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_telephonyrequest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_telephonyrequest (
    id bigint NOT NULL,
    call_sid character varying(64) NOT NULL,
    action character varying(20) NOT NULL,
    url character varying(500) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    params jsonb NOT NULL
);


--
-- Name: contactcenter_telephonyrequest_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_telephonyrequest ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_telephonyrequest_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_temporaryagent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_temporaryagent (
    id bigint NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    left_at timestamp with time zone,
    ended_by character varying(10) NOT NULL,
    major_incident_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: contactcenter_temporaryagent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_temporaryagent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_temporaryagent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: contactcenter_temporaryagent_queues; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contactcenter_temporaryagent_queues (
    id bigint NOT NULL,
    temporaryagent_id bigint NOT NULL,
    queue_id bigint NOT NULL
);


--
-- Name: contactcenter_temporaryagent_queues_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.contactcenter_temporaryagent_queues ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.contactcenter_temporaryagent_queues_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_historicalsavedview; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_historicalsavedview (
    id bigint NOT NULL,
    list_key character varying(40) NOT NULL,
    name character varying(80) NOT NULL,
    query character varying(2000) NOT NULL,
    shared boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    owner_id integer
);


--
-- Name: core_historicalsavedview_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.core_historicalsavedview ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.core_historicalsavedview_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_savedview; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_savedview (
    id bigint NOT NULL,
    list_key character varying(40) NOT NULL,
    name character varying(80) NOT NULL,
    query character varying(2000) NOT NULL,
    shared boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    owner_id integer NOT NULL
);


--
-- Name: core_savedview_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.core_savedview ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.core_savedview_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_complaint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_complaint (
    id bigint NOT NULL,
    number character varying(16),
    kind character varying(20) NOT NULL,
    channel character varying(20) NOT NULL,
    subject character varying(200) NOT NULL,
    description text NOT NULL,
    severity smallint NOT NULL,
    status character varying(20) NOT NULL,
    response text NOT NULL,
    satisfied boolean,
    escalation_reason character varying(300) NOT NULL,
    reopen_count smallint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    responded_at timestamp with time zone,
    escalated_at timestamp with time zone,
    closed_at timestamp with time zone,
    call_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    owner_id integer,
    requester_id integer,
    service_id bigint,
    team_id bigint,
    search_vector tsvector,
    CONSTRAINT crm_complaint_reopen_count_check CHECK ((reopen_count >= 0)),
    CONSTRAINT crm_complaint_severity CHECK (((severity >= 1) AND (severity <= 3))),
    CONSTRAINT crm_complaint_severity_check CHECK ((severity >= 0))
);


--
-- Name: crm_complaint_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_complaint ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_complaint_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_complaint_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_complaint_incidents (
    id bigint NOT NULL,
    complaint_id bigint NOT NULL,
    incident_id bigint NOT NULL
);


--
-- Name: crm_complaint_incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_complaint_incidents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_complaint_incidents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_historicalcomplaint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_historicalcomplaint (
    id bigint NOT NULL,
    number character varying(16),
    kind character varying(20) NOT NULL,
    channel character varying(20) NOT NULL,
    subject character varying(200) NOT NULL,
    description text NOT NULL,
    severity smallint NOT NULL,
    status character varying(20) NOT NULL,
    response text NOT NULL,
    satisfied boolean,
    escalation_reason character varying(300) NOT NULL,
    reopen_count smallint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    responded_at timestamp with time zone,
    escalated_at timestamp with time zone,
    closed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    call_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    history_user_id integer,
    owner_id integer,
    requester_id integer,
    service_id bigint,
    team_id bigint,
    CONSTRAINT crm_historicalcomplaint_reopen_count_check CHECK ((reopen_count >= 0)),
    CONSTRAINT crm_historicalcomplaint_severity_check CHECK ((severity >= 0))
);


--
-- Name: crm_historicalcomplaint_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_historicalcomplaint ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_historicalcomplaint_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_historicalopportunity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_historicalopportunity (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    product character varying(200) NOT NULL,
    value numeric(14,2) NOT NULL,
    currency character varying(3) NOT NULL,
    stage character varying(12) NOT NULL,
    expected_close date,
    lost_reason character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    call_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    history_user_id integer,
    owner_id integer
);


--
-- Name: crm_historicalopportunity_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_historicalopportunity ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_historicalopportunity_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_opportunity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_opportunity (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    product character varying(200) NOT NULL,
    value numeric(14,2) NOT NULL,
    currency character varying(3) NOT NULL,
    stage character varying(12) NOT NULL,
    expected_close date,
    lost_reason character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    call_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    owner_id integer,
    CONSTRAINT crm_opportunity_someone CHECK (((contact_id IS NOT NULL) OR (customer_id IS NOT NULL))),
    CONSTRAINT crm_opportunity_value_not_negative CHECK ((value >= (0)::numeric))
);


--
-- Name: crm_opportunity_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_opportunity ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_opportunity_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_survey; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_survey (
    id bigint NOT NULL,
    ticket_kind character varying(20) NOT NULL,
    ticket_id bigint NOT NULL,
    ticket_number character varying(16) NOT NULL,
    channel character varying(10) NOT NULL,
    recipient character varying(254) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    score smallint,
    comment text NOT NULL,
    agent_id integer,
    contact_id bigint,
    customer_id bigint,
    team_id bigint,
    solved_first_contact boolean,
    CONSTRAINT crm_survey_score_1_5 CHECK (((score IS NULL) OR ((score >= 1) AND (score <= 5)))),
    CONSTRAINT crm_survey_score_check CHECK ((score >= 0)),
    CONSTRAINT crm_survey_ticket_id_check CHECK ((ticket_id >= 0))
);


--
-- Name: crm_survey_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.crm_survey ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.crm_survey_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_admin_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_admin_log (
    id integer NOT NULL,
    action_time timestamp with time zone NOT NULL,
    object_id text,
    object_repr character varying(200) NOT NULL,
    action_flag smallint NOT NULL,
    change_message text NOT NULL,
    content_type_id integer,
    user_id integer NOT NULL,
    CONSTRAINT django_admin_log_action_flag_check CHECK ((action_flag >= 0))
);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_admin_log ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_admin_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_content_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_content_type (
    id integer NOT NULL,
    app_label character varying(100) NOT NULL,
    model character varying(100) NOT NULL
);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_content_type ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_content_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_migrations (
    id bigint NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_migrations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_migrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_session (
    session_key character varying(40) NOT NULL,
    session_data text NOT NULL,
    expire_date timestamp with time zone NOT NULL
);


--
-- Name: incidents_attachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_attachment (
    id bigint NOT NULL,
    file character varying(300) NOT NULL,
    name character varying(200) NOT NULL,
    size integer NOT NULL,
    content_type character varying(100) NOT NULL,
    visibility character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    uploaded_by_id integer,
    incident_id bigint NOT NULL,
    note_id bigint,
    CONSTRAINT incidents_attachment_size_check CHECK ((size >= 0))
);


--
-- Name: incidents_attachment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_attachment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_attachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_demandsignal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_demandsignal (
    id bigint NOT NULL,
    source character varying(12) NOT NULL,
    reference character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: incidents_demandsignal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_demandsignal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_demandsignal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalattachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalattachment (
    id bigint NOT NULL,
    file text NOT NULL,
    name character varying(200) NOT NULL,
    size integer NOT NULL,
    content_type character varying(100) NOT NULL,
    visibility character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    uploaded_by_id integer,
    incident_id bigint,
    note_id bigint,
    CONSTRAINT incidents_historicalattachment_size_check CHECK ((size >= 0))
);


--
-- Name: incidents_historicalattachment_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalattachment ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalattachment_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalincident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalincident (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    status character varying(20) NOT NULL,
    channel character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    is_major boolean NOT NULL,
    hold_reason character varying(200) NOT NULL,
    resolution_code character varying(20) NOT NULL,
    resolution text NOT NULL,
    reopen_count smallint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    resolved_at timestamp with time zone,
    closed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    assignee_id integer,
    ci_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    history_user_id integer,
    requester_id integer,
    service_id bigint,
    team_id bigint,
    parent_id bigint,
    CONSTRAINT incidents_historicalincident_impact_check CHECK ((impact >= 0)),
    CONSTRAINT incidents_historicalincident_priority_check CHECK ((priority >= 0)),
    CONSTRAINT incidents_historicalincident_reopen_count_check CHECK ((reopen_count >= 0)),
    CONSTRAINT incidents_historicalincident_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: incidents_historicalincident_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalincident ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalincident_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalincidentnote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalincidentnote (
    id bigint NOT NULL,
    body text NOT NULL,
    visibility character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    author_id integer,
    history_user_id integer,
    incident_id bigint
);


--
-- Name: incidents_historicalincidentnote_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalincidentnote ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalincidentnote_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalmajorincident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalmajorincident (
    id bigint NOT NULL,
    status character varying(20) NOT NULL,
    summary character varying(300) NOT NULL,
    impact character varying(20) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    declared_at timestamp with time zone NOT NULL,
    mobilised_at timestamp with time zone,
    contained_at timestamp with time zone,
    resolved_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    closed_at timestamp with time zone,
    resolution text NOT NULL,
    bridge_number character varying(32) NOT NULL,
    bridge_pin character varying(8) NOT NULL,
    announcement text NOT NULL,
    last_update_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    declared_by_id integer,
    history_user_id integer,
    incident_id bigint,
    manager_id integer
);


--
-- Name: incidents_historicalmajorincident_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalmajorincident ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalmajorincident_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalmajorincidentmember; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalmajorincidentmember (
    id bigint NOT NULL,
    role character varying(24) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    added_by_id integer,
    history_user_id integer,
    user_id integer,
    major_incident_id bigint
);


--
-- Name: incidents_historicalmajorincidentmember_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalmajorincidentmember ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalmajorincidentmember_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalmajorincidenttask; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalmajorincidenttask (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    due_at timestamp with time zone,
    status character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    assignee_id integer,
    created_by_id integer,
    history_user_id integer,
    major_incident_id bigint
);


--
-- Name: incidents_historicalmajorincidenttask_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalmajorincidenttask ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalmajorincidenttask_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalpostmortem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalpostmortem (
    id bigint NOT NULL,
    summary text NOT NULL,
    root_cause text NOT NULL,
    contributing_factors text NOT NULL,
    timeline jsonb NOT NULL,
    actions jsonb NOT NULL,
    problem integer,
    change integer,
    complete boolean NOT NULL,
    completed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    updated_by_id integer,
    major_incident_id bigint,
    CONSTRAINT incidents_historicalpostmortem_change_check CHECK ((change >= 0)),
    CONSTRAINT incidents_historicalpostmortem_problem_check CHECK ((problem >= 0))
);


--
-- Name: incidents_historicalpostmortem_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalpostmortem ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalpostmortem_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalprioritymatrix; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalprioritymatrix (
    id bigint NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    CONSTRAINT incidents_historicalprioritymatrix_impact_check CHECK ((impact >= 0)),
    CONSTRAINT incidents_historicalprioritymatrix_priority_check CHECK ((priority >= 0)),
    CONSTRAINT incidents_historicalprioritymatrix_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: incidents_historicalprioritymatrix_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalprioritymatrix ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalprioritymatrix_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalspikealert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalspikealert (
    id bigint NOT NULL,
    count integer NOT NULL,
    baseline numeric(10,2),
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    decided_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    decided_by_id integer,
    history_user_id integer,
    service_id bigint,
    major_incident_id bigint,
    rule_id bigint,
    flagged_by_id integer,
    incident_id bigint,
    reason character varying(500) NOT NULL,
    CONSTRAINT incidents_historicalspikealert_count_check CHECK ((count >= 0))
);


--
-- Name: incidents_historicalspikealert_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalspikealert ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalspikealert_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalspikerule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalspikerule (
    id bigint NOT NULL,
    window_minutes integer NOT NULL,
    threshold integer,
    baseline_multiplier numeric(6,2),
    baseline_weeks smallint NOT NULL,
    auto_declare boolean NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    service_id bigint,
    CONSTRAINT incidents_historicalspikerule_baseline_weeks_check CHECK ((baseline_weeks >= 0)),
    CONSTRAINT incidents_historicalspikerule_threshold_check CHECK ((threshold >= 0)),
    CONSTRAINT incidents_historicalspikerule_window_minutes_check CHECK ((window_minutes >= 0))
);


--
-- Name: incidents_historicalspikerule_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalspikerule ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalspikerule_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_historicalstakeholderupdate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_historicalstakeholderupdate (
    id bigint NOT NULL,
    audiences jsonb NOT NULL,
    status character varying(20) NOT NULL,
    what character varying(300) NOT NULL,
    "where" character varying(300) NOT NULL,
    event character varying(10) NOT NULL,
    eta timestamp with time zone,
    contact character varying(200) NOT NULL,
    body text NOT NULL,
    is_public boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    author_id integer,
    history_user_id integer,
    major_incident_id bigint
);


--
-- Name: incidents_historicalstakeholderupdate_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_historicalstakeholderupdate ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_historicalstakeholderupdate_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_incident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_incident (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    status character varying(20) NOT NULL,
    channel character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    is_major boolean NOT NULL,
    hold_reason character varying(200) NOT NULL,
    resolution_code character varying(20) NOT NULL,
    resolution text NOT NULL,
    reopen_count smallint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    resolved_at timestamp with time zone,
    closed_at timestamp with time zone,
    assignee_id integer,
    ci_id bigint,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint,
    parent_id bigint,
    requester_id integer,
    service_id bigint,
    team_id bigint,
    search_vector tsvector,
    CONSTRAINT incidents_incident_impact_check CHECK ((impact >= 0)),
    CONSTRAINT incidents_incident_not_own_parent CHECK ((NOT ((parent_id = id) AND (parent_id IS NOT NULL)))),
    CONSTRAINT incidents_incident_priority_check CHECK ((priority >= 0)),
    CONSTRAINT incidents_incident_reopen_count_check CHECK ((reopen_count >= 0)),
    CONSTRAINT incidents_incident_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: incidents_incident_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_incident ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_incident_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_incidentnote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_incidentnote (
    id bigint NOT NULL,
    body text NOT NULL,
    visibility character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    author_id integer,
    incident_id bigint NOT NULL
);


--
-- Name: incidents_incidentnote_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_incidentnote ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_incidentnote_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_majorincident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_majorincident (
    id bigint NOT NULL,
    status character varying(20) NOT NULL,
    summary character varying(300) NOT NULL,
    impact character varying(20) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    declared_at timestamp with time zone NOT NULL,
    mobilised_at timestamp with time zone,
    contained_at timestamp with time zone,
    resolved_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    closed_at timestamp with time zone,
    resolution text NOT NULL,
    bridge_number character varying(32) NOT NULL,
    bridge_pin character varying(8) NOT NULL,
    announcement text NOT NULL,
    last_update_at timestamp with time zone,
    declared_by_id integer,
    incident_id bigint NOT NULL,
    manager_id integer,
    search_vector tsvector
);


--
-- Name: incidents_majorincident_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_majorincident ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_majorincident_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_majorincident_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_majorincident_services (
    id bigint NOT NULL,
    majorincident_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: incidents_majorincident_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_majorincident_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_majorincident_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_majorincidentmember; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_majorincidentmember (
    id bigint NOT NULL,
    role character varying(24) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    added_by_id integer,
    major_incident_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: incidents_majorincidentmember_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_majorincidentmember ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_majorincidentmember_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_majorincidenttask; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_majorincidenttask (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    due_at timestamp with time zone,
    status character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    assignee_id integer,
    created_by_id integer,
    major_incident_id bigint NOT NULL
);


--
-- Name: incidents_majorincidenttask_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_majorincidenttask ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_majorincidenttask_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_postmortem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_postmortem (
    id bigint NOT NULL,
    summary text NOT NULL,
    root_cause text NOT NULL,
    contributing_factors text NOT NULL,
    timeline jsonb NOT NULL,
    actions jsonb NOT NULL,
    problem integer,
    change integer,
    complete boolean NOT NULL,
    completed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    major_incident_id bigint NOT NULL,
    updated_by_id integer,
    CONSTRAINT incidents_postmortem_change_check CHECK ((change >= 0)),
    CONSTRAINT incidents_postmortem_problem_check CHECK ((problem >= 0))
);


--
-- Name: incidents_postmortem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_postmortem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_postmortem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_prioritymatrix; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_prioritymatrix (
    id bigint NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    CONSTRAINT incidents_prioritymatrix_impact_check CHECK ((impact >= 0)),
    CONSTRAINT incidents_prioritymatrix_priority_check CHECK ((priority >= 0)),
    CONSTRAINT incidents_prioritymatrix_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: incidents_prioritymatrix_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_prioritymatrix ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_prioritymatrix_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_spikealert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_spikealert (
    id bigint NOT NULL,
    count integer NOT NULL,
    baseline numeric(10,2),
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    decided_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    decided_by_id integer,
    major_incident_id bigint,
    service_id bigint NOT NULL,
    rule_id bigint,
    flagged_by_id integer,
    incident_id bigint,
    reason character varying(500) NOT NULL,
    CONSTRAINT incidents_spikealert_count_check CHECK ((count >= 0))
);


--
-- Name: incidents_spikealert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_spikealert ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_spikealert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_spikerule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_spikerule (
    id bigint NOT NULL,
    window_minutes integer NOT NULL,
    threshold integer,
    baseline_multiplier numeric(6,2),
    baseline_weeks smallint NOT NULL,
    auto_declare boolean NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    service_id bigint NOT NULL,
    CONSTRAINT incidents_spikerule_baseline_weeks_check CHECK ((baseline_weeks >= 0)),
    CONSTRAINT incidents_spikerule_has_condition CHECK (((threshold IS NOT NULL) OR (baseline_multiplier IS NOT NULL))),
    CONSTRAINT incidents_spikerule_threshold_check CHECK ((threshold >= 0)),
    CONSTRAINT incidents_spikerule_window CHECK ((window_minutes >= 1)),
    CONSTRAINT incidents_spikerule_window_minutes_check CHECK ((window_minutes >= 0))
);


--
-- Name: incidents_spikerule_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_spikerule ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_spikerule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_spikerule_notify; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_spikerule_notify (
    id bigint NOT NULL,
    spikerule_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: incidents_spikerule_notify_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_spikerule_notify ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_spikerule_notify_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_stakeholderupdate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_stakeholderupdate (
    id bigint NOT NULL,
    audiences jsonb NOT NULL,
    status character varying(20) NOT NULL,
    what character varying(300) NOT NULL,
    "where" character varying(300) NOT NULL,
    event character varying(10) NOT NULL,
    eta timestamp with time zone,
    contact character varying(200) NOT NULL,
    body text NOT NULL,
    is_public boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    author_id integer,
    major_incident_id bigint NOT NULL
);


--
-- Name: incidents_stakeholderupdate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_stakeholderupdate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_stakeholderupdate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: incidents_timelineevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents_timelineevent (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(16) NOT NULL,
    text character varying(500) NOT NULL,
    actor_id integer,
    major_incident_id bigint NOT NULL
);


--
-- Name: incidents_timelineevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.incidents_timelineevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.incidents_timelineevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_article; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_article (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    body text NOT NULL,
    language character varying(5) NOT NULL,
    audience character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    version integer NOT NULL,
    views integer NOT NULL,
    helpful integer NOT NULL,
    not_helpful integer NOT NULL,
    deflections integer NOT NULL,
    published_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    search_vector tsvector,
    author_id integer NOT NULL,
    draft_of_id bigint,
    known_error_id bigint,
    published_by_id integer,
    reviewer_id integer,
    translation_of_id bigint,
    search_title tsvector,
    CONSTRAINT knowledge_article_deflections_check CHECK ((deflections >= 0)),
    CONSTRAINT knowledge_article_helpful_check CHECK ((helpful >= 0)),
    CONSTRAINT knowledge_article_not_helpful_check CHECK ((not_helpful >= 0)),
    CONSTRAINT knowledge_article_version_check CHECK ((version >= 0)),
    CONSTRAINT knowledge_article_views_check CHECK ((views >= 0))
);


--
-- Name: knowledge_article_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_article ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_article_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_article_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_article_services (
    id bigint NOT NULL,
    article_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: knowledge_article_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_article_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_article_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_articlefeedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_articlefeedback (
    id bigint NOT NULL,
    helpful boolean NOT NULL,
    comment text NOT NULL,
    deflected boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    article_id bigint NOT NULL,
    user_id integer
);


--
-- Name: knowledge_articlefeedback_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_articlefeedback ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_articlefeedback_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_articleimage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_articleimage (
    id bigint NOT NULL,
    file character varying(300) NOT NULL,
    content_type character varying(100) NOT NULL,
    size integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    article_id bigint NOT NULL,
    uploaded_by_id integer,
    CONSTRAINT knowledge_articleimage_size_check CHECK ((size >= 0))
);


--
-- Name: knowledge_articleimage_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_articleimage ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_articleimage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_articleversion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_articleversion (
    id bigint NOT NULL,
    version integer NOT NULL,
    title character varying(200) NOT NULL,
    body text NOT NULL,
    published_at timestamp with time zone NOT NULL,
    article_id bigint NOT NULL,
    published_by_id integer,
    CONSTRAINT knowledge_articleversion_version_check CHECK ((version >= 0))
);


--
-- Name: knowledge_articleversion_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_articleversion ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_articleversion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_historicalarticle; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_historicalarticle (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    body text NOT NULL,
    language character varying(5) NOT NULL,
    audience character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    version integer NOT NULL,
    views integer NOT NULL,
    helpful integer NOT NULL,
    not_helpful integer NOT NULL,
    deflections integer NOT NULL,
    published_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    author_id integer,
    draft_of_id bigint,
    history_user_id integer,
    known_error_id bigint,
    published_by_id integer,
    reviewer_id integer,
    translation_of_id bigint,
    CONSTRAINT knowledge_historicalarticle_deflections_check CHECK ((deflections >= 0)),
    CONSTRAINT knowledge_historicalarticle_helpful_check CHECK ((helpful >= 0)),
    CONSTRAINT knowledge_historicalarticle_not_helpful_check CHECK ((not_helpful >= 0)),
    CONSTRAINT knowledge_historicalarticle_version_check CHECK ((version >= 0)),
    CONSTRAINT knowledge_historicalarticle_views_check CHECK ((views >= 0))
);


--
-- Name: knowledge_historicalarticle_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_historicalarticle ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_historicalarticle_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_historicalarticle_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_historicalarticle_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    article_id bigint,
    history_id integer NOT NULL,
    service_id bigint
);


--
-- Name: knowledge_historicalarticle_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_historicalarticle_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_historicalarticle_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: knowledge_searchmiss; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.knowledge_searchmiss (
    id bigint NOT NULL,
    query character varying(200) NOT NULL,
    language character varying(5) NOT NULL,
    count integer NOT NULL,
    first_searched_at timestamp with time zone NOT NULL,
    last_searched_at timestamp with time zone NOT NULL,
    CONSTRAINT knowledge_searchmiss_count_check CHECK ((count >= 0))
);


--
-- Name: knowledge_searchmiss_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.knowledge_searchmiss ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.knowledge_searchmiss_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_agentdaily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_agentdaily (
    id bigint NOT NULL,
    start timestamp with time zone NOT NULL,
    agent_id integer NOT NULL,
    available_seconds integer NOT NULL,
    busy_seconds integer NOT NULL,
    wrap_seconds integer NOT NULL,
    logged_in_seconds integer NOT NULL,
    CONSTRAINT kpis_agentdaily_agent_id_check CHECK ((agent_id >= 0)),
    CONSTRAINT kpis_agentdaily_available_seconds_check CHECK ((available_seconds >= 0)),
    CONSTRAINT kpis_agentdaily_busy_seconds_check CHECK ((busy_seconds >= 0)),
    CONSTRAINT kpis_agentdaily_logged_in_seconds_check CHECK ((logged_in_seconds >= 0)),
    CONSTRAINT kpis_agentdaily_wrap_seconds_check CHECK ((wrap_seconds >= 0))
);


--
-- Name: kpis_agentdaily_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_agentdaily ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_agentdaily_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_agentinterval; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_agentinterval (
    id bigint NOT NULL,
    start timestamp with time zone NOT NULL,
    agent_id integer NOT NULL,
    available_seconds integer NOT NULL,
    busy_seconds integer NOT NULL,
    wrap_seconds integer NOT NULL,
    logged_in_seconds integer NOT NULL,
    CONSTRAINT kpis_agentinterval_agent_id_check CHECK ((agent_id >= 0)),
    CONSTRAINT kpis_agentinterval_available_seconds_check CHECK ((available_seconds >= 0)),
    CONSTRAINT kpis_agentinterval_busy_seconds_check CHECK ((busy_seconds >= 0)),
    CONSTRAINT kpis_agentinterval_logged_in_seconds_check CHECK ((logged_in_seconds >= 0)),
    CONSTRAINT kpis_agentinterval_wrap_seconds_check CHECK ((wrap_seconds >= 0))
);


--
-- Name: kpis_agentinterval_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_agentinterval ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_agentinterval_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_arrivalhour; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_arrivalhour (
    id bigint NOT NULL,
    start timestamp with time zone NOT NULL,
    queue_id integer NOT NULL,
    service_id integer NOT NULL,
    arrivals integer NOT NULL,
    CONSTRAINT kpis_arrivalhour_arrivals_check CHECK ((arrivals >= 0)),
    CONSTRAINT kpis_arrivalhour_queue_id_check CHECK ((queue_id >= 0)),
    CONSTRAINT kpis_arrivalhour_service_id_check CHECK ((service_id >= 0))
);


--
-- Name: kpis_arrivalhour_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_arrivalhour ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_arrivalhour_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_calldaily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_calldaily (
    id bigint NOT NULL,
    start timestamp with time zone NOT NULL,
    queue_id integer NOT NULL,
    agent_id integer NOT NULL,
    service_id integer NOT NULL,
    arrivals integer NOT NULL,
    offered integer NOT NULL,
    answered integer NOT NULL,
    abandoned integer NOT NULL,
    short_abandoned integer NOT NULL,
    answered_in_sl integer NOT NULL,
    wait_sum bigint NOT NULL,
    talk_sum bigint NOT NULL,
    hold_sum bigint NOT NULL,
    wrap_sum bigint NOT NULL,
    wrap_count integer NOT NULL,
    transfers integer NOT NULL,
    transferred integer NOT NULL,
    fcr integer NOT NULL,
    csat_count integer NOT NULL,
    csat_good integer NOT NULL,
    csat_sum integer NOT NULL,
    deflected integer NOT NULL,
    callbacks_done integer NOT NULL,
    callback_seconds_sum bigint NOT NULL,
    outbound integer NOT NULL,
    outbound_answered integer NOT NULL,
    recorded integer NOT NULL,
    quality_count integer NOT NULL,
    quality_sum double precision NOT NULL,
    fcr_survey_count integer NOT NULL,
    fcr_survey_yes integer NOT NULL,
    CONSTRAINT kpis_calldaily_abandoned_check CHECK ((abandoned >= 0)),
    CONSTRAINT kpis_calldaily_agent_id_check CHECK ((agent_id >= 0)),
    CONSTRAINT kpis_calldaily_answered_check CHECK ((answered >= 0)),
    CONSTRAINT kpis_calldaily_answered_in_sl_check CHECK ((answered_in_sl >= 0)),
    CONSTRAINT kpis_calldaily_arrivals_check CHECK ((arrivals >= 0)),
    CONSTRAINT kpis_calldaily_callbacks_done_check CHECK ((callbacks_done >= 0)),
    CONSTRAINT kpis_calldaily_csat_count_check CHECK ((csat_count >= 0)),
    CONSTRAINT kpis_calldaily_csat_good_check CHECK ((csat_good >= 0)),
    CONSTRAINT kpis_calldaily_csat_sum_check CHECK ((csat_sum >= 0)),
    CONSTRAINT kpis_calldaily_deflected_check CHECK ((deflected >= 0)),
    CONSTRAINT kpis_calldaily_fcr_check CHECK ((fcr >= 0)),
    CONSTRAINT kpis_calldaily_fcr_survey_count_check CHECK ((fcr_survey_count >= 0)),
    CONSTRAINT kpis_calldaily_fcr_survey_yes_check CHECK ((fcr_survey_yes >= 0)),
    CONSTRAINT kpis_calldaily_offered_check CHECK ((offered >= 0)),
    CONSTRAINT kpis_calldaily_outbound_answered_check CHECK ((outbound_answered >= 0)),
    CONSTRAINT kpis_calldaily_outbound_check CHECK ((outbound >= 0)),
    CONSTRAINT kpis_calldaily_quality_count_check CHECK ((quality_count >= 0)),
    CONSTRAINT kpis_calldaily_queue_id_check CHECK ((queue_id >= 0)),
    CONSTRAINT kpis_calldaily_recorded_check CHECK ((recorded >= 0)),
    CONSTRAINT kpis_calldaily_service_id_check CHECK ((service_id >= 0)),
    CONSTRAINT kpis_calldaily_short_abandoned_check CHECK ((short_abandoned >= 0)),
    CONSTRAINT kpis_calldaily_transferred_check CHECK ((transferred >= 0)),
    CONSTRAINT kpis_calldaily_transfers_check CHECK ((transfers >= 0)),
    CONSTRAINT kpis_calldaily_wrap_count_check CHECK ((wrap_count >= 0))
);


--
-- Name: kpis_calldaily_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_calldaily ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_calldaily_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_callinterval; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_callinterval (
    id bigint NOT NULL,
    start timestamp with time zone NOT NULL,
    queue_id integer NOT NULL,
    agent_id integer NOT NULL,
    service_id integer NOT NULL,
    arrivals integer NOT NULL,
    offered integer NOT NULL,
    answered integer NOT NULL,
    abandoned integer NOT NULL,
    short_abandoned integer NOT NULL,
    answered_in_sl integer NOT NULL,
    wait_sum bigint NOT NULL,
    talk_sum bigint NOT NULL,
    hold_sum bigint NOT NULL,
    wrap_sum bigint NOT NULL,
    wrap_count integer NOT NULL,
    transfers integer NOT NULL,
    transferred integer NOT NULL,
    fcr integer NOT NULL,
    csat_count integer NOT NULL,
    csat_good integer NOT NULL,
    csat_sum integer NOT NULL,
    deflected integer NOT NULL,
    callbacks_done integer NOT NULL,
    callback_seconds_sum bigint NOT NULL,
    outbound integer NOT NULL,
    outbound_answered integer NOT NULL,
    recorded integer NOT NULL,
    quality_count integer NOT NULL,
    quality_sum double precision NOT NULL,
    fcr_survey_count integer NOT NULL,
    fcr_survey_yes integer NOT NULL,
    CONSTRAINT kpis_callinterval_abandoned_check CHECK ((abandoned >= 0)),
    CONSTRAINT kpis_callinterval_agent_id_check CHECK ((agent_id >= 0)),
    CONSTRAINT kpis_callinterval_answered_check CHECK ((answered >= 0)),
    CONSTRAINT kpis_callinterval_answered_in_sl_check CHECK ((answered_in_sl >= 0)),
    CONSTRAINT kpis_callinterval_arrivals_check CHECK ((arrivals >= 0)),
    CONSTRAINT kpis_callinterval_callbacks_done_check CHECK ((callbacks_done >= 0)),
    CONSTRAINT kpis_callinterval_csat_count_check CHECK ((csat_count >= 0)),
    CONSTRAINT kpis_callinterval_csat_good_check CHECK ((csat_good >= 0)),
    CONSTRAINT kpis_callinterval_csat_sum_check CHECK ((csat_sum >= 0)),
    CONSTRAINT kpis_callinterval_deflected_check CHECK ((deflected >= 0)),
    CONSTRAINT kpis_callinterval_fcr_check CHECK ((fcr >= 0)),
    CONSTRAINT kpis_callinterval_fcr_survey_count_check CHECK ((fcr_survey_count >= 0)),
    CONSTRAINT kpis_callinterval_fcr_survey_yes_check CHECK ((fcr_survey_yes >= 0)),
    CONSTRAINT kpis_callinterval_offered_check CHECK ((offered >= 0)),
    CONSTRAINT kpis_callinterval_outbound_answered_check CHECK ((outbound_answered >= 0)),
    CONSTRAINT kpis_callinterval_outbound_check CHECK ((outbound >= 0)),
    CONSTRAINT kpis_callinterval_quality_count_check CHECK ((quality_count >= 0)),
    CONSTRAINT kpis_callinterval_queue_id_check CHECK ((queue_id >= 0)),
    CONSTRAINT kpis_callinterval_recorded_check CHECK ((recorded >= 0)),
    CONSTRAINT kpis_callinterval_service_id_check CHECK ((service_id >= 0)),
    CONSTRAINT kpis_callinterval_short_abandoned_check CHECK ((short_abandoned >= 0)),
    CONSTRAINT kpis_callinterval_transferred_check CHECK ((transferred >= 0)),
    CONSTRAINT kpis_callinterval_transfers_check CHECK ((transfers >= 0)),
    CONSTRAINT kpis_callinterval_wrap_count_check CHECK ((wrap_count >= 0))
);


--
-- Name: kpis_callinterval_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_callinterval ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_callinterval_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_deskdaily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_deskdaily (
    id bigint NOT NULL,
    day date NOT NULL,
    mtbf_gaps integer NOT NULL,
    mtbf_seconds_sum bigint NOT NULL,
    changes_completed integer NOT NULL,
    changes_successful integer NOT NULL,
    changes_causing_incidents integer NOT NULL,
    changes_submitted integer NOT NULL,
    changes_emergency integer NOT NULL,
    problems_known_error integer NOT NULL,
    problem_known_error_seconds_sum bigint NOT NULL,
    requests_fulfilled integer NOT NULL,
    request_fulfilment_seconds_sum bigint NOT NULL,
    CONSTRAINT kpis_deskdaily_changes_causing_incidents_check CHECK ((changes_causing_incidents >= 0)),
    CONSTRAINT kpis_deskdaily_changes_completed_check CHECK ((changes_completed >= 0)),
    CONSTRAINT kpis_deskdaily_changes_emergency_check CHECK ((changes_emergency >= 0)),
    CONSTRAINT kpis_deskdaily_changes_submitted_check CHECK ((changes_submitted >= 0)),
    CONSTRAINT kpis_deskdaily_changes_successful_check CHECK ((changes_successful >= 0)),
    CONSTRAINT kpis_deskdaily_mtbf_gaps_check CHECK ((mtbf_gaps >= 0)),
    CONSTRAINT kpis_deskdaily_problems_known_error_check CHECK ((problems_known_error >= 0)),
    CONSTRAINT kpis_deskdaily_requests_fulfilled_check CHECK ((requests_fulfilled >= 0))
);


--
-- Name: kpis_deskdaily_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_deskdaily ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_deskdaily_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: kpis_incidentdaily; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kpis_incidentdaily (
    id bigint NOT NULL,
    day date NOT NULL,
    team_id integer NOT NULL,
    service_id integer NOT NULL,
    priority smallint NOT NULL,
    created integer NOT NULL,
    acknowledged integer NOT NULL,
    ack_seconds_sum bigint NOT NULL,
    resolved integer NOT NULL,
    resolve_seconds_sum bigint NOT NULL,
    resolved_after_reopen integer NOT NULL,
    backlog integer NOT NULL,
    age_lt_1d integer NOT NULL,
    age_1_3d integer NOT NULL,
    age_3_7d integer NOT NULL,
    age_7_30d integer NOT NULL,
    age_gt_30d integer NOT NULL,
    sla_met integer NOT NULL,
    sla_breached integer NOT NULL,
    major_incidents integer NOT NULL,
    channel character varying(20) NOT NULL,
    CONSTRAINT kpis_incidentdaily_acknowledged_check CHECK ((acknowledged >= 0)),
    CONSTRAINT kpis_incidentdaily_age_1_3d_check CHECK ((age_1_3d >= 0)),
    CONSTRAINT kpis_incidentdaily_age_3_7d_check CHECK ((age_3_7d >= 0)),
    CONSTRAINT kpis_incidentdaily_age_7_30d_check CHECK ((age_7_30d >= 0)),
    CONSTRAINT kpis_incidentdaily_age_gt_30d_check CHECK ((age_gt_30d >= 0)),
    CONSTRAINT kpis_incidentdaily_age_lt_1d_check CHECK ((age_lt_1d >= 0)),
    CONSTRAINT kpis_incidentdaily_backlog_check CHECK ((backlog >= 0)),
    CONSTRAINT kpis_incidentdaily_created_check CHECK ((created >= 0)),
    CONSTRAINT kpis_incidentdaily_major_incidents_check CHECK ((major_incidents >= 0)),
    CONSTRAINT kpis_incidentdaily_priority_check CHECK ((priority >= 0)),
    CONSTRAINT kpis_incidentdaily_resolved_after_reopen_check CHECK ((resolved_after_reopen >= 0)),
    CONSTRAINT kpis_incidentdaily_resolved_check CHECK ((resolved >= 0)),
    CONSTRAINT kpis_incidentdaily_service_id_check CHECK ((service_id >= 0)),
    CONSTRAINT kpis_incidentdaily_sla_breached_check CHECK ((sla_breached >= 0)),
    CONSTRAINT kpis_incidentdaily_sla_met_check CHECK ((sla_met >= 0)),
    CONSTRAINT kpis_incidentdaily_team_id_check CHECK ((team_id >= 0))
);


--
-- Name: kpis_incidentdaily_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kpis_incidentdaily ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.kpis_incidentdaily_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_historicalmailbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_historicalmailbox (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    address character varying(254) NOT NULL,
    protocol character varying(10) NOT NULL,
    host character varying(255) NOT NULL,
    port integer,
    username character varying(255) NOT NULL,
    folder character varying(255) NOT NULL,
    use_tls boolean NOT NULL,
    creates character varying(10) NOT NULL,
    create_contacts boolean NOT NULL,
    active boolean NOT NULL,
    last_error text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    catalog_item_id bigint,
    default_service_id bigint,
    default_team_id bigint,
    history_user_id integer,
    CONSTRAINT mail_historicalmailbox_port_check CHECK ((port >= 0))
);


--
-- Name: mail_historicalmailbox_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.mail_historicalmailbox ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.mail_historicalmailbox_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_mailbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_mailbox (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    address character varying(254) NOT NULL,
    protocol character varying(10) NOT NULL,
    host character varying(255) NOT NULL,
    port integer,
    username character varying(255) NOT NULL,
    password character varying(255) NOT NULL,
    folder character varying(255) NOT NULL,
    use_tls boolean NOT NULL,
    creates character varying(10) NOT NULL,
    create_contacts boolean NOT NULL,
    active boolean NOT NULL,
    last_fetched_at timestamp with time zone,
    last_error text NOT NULL,
    imap_uidvalidity bigint,
    imap_last_uid bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    catalog_item_id bigint,
    default_service_id bigint,
    default_team_id bigint,
    CONSTRAINT mail_mailbox_port_check CHECK ((port >= 0)),
    CONSTRAINT mail_mailbox_request_needs_item CHECK (((NOT ((creates)::text = 'request'::text)) OR (catalog_item_id IS NOT NULL)))
);


--
-- Name: mail_mailbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.mail_mailbox ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.mail_mailbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_mailmessage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_mailmessage (
    id bigint NOT NULL,
    direction character varying(3) NOT NULL,
    message_id character varying(998) NOT NULL,
    in_reply_to character varying(998) NOT NULL,
    "references" text NOT NULL,
    from_address character varying(254) NOT NULL,
    from_name character varying(200) NOT NULL,
    to_addresses text NOT NULL,
    subject character varying(998) NOT NULL,
    date timestamp with time zone,
    received_at timestamp with time zone NOT NULL,
    source character varying(10) NOT NULL,
    status character varying(10) NOT NULL,
    result character varying(10) NOT NULL,
    reason text NOT NULL,
    raw character varying(300) NOT NULL,
    size integer NOT NULL,
    attachment_count smallint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    delivery_id bigint,
    incident_id bigint,
    incident_note_id bigint,
    mailbox_id bigint,
    request_id bigint,
    request_comment_id bigint,
    CONSTRAINT mail_mailmessage_attachment_count_check CHECK ((attachment_count >= 0)),
    CONSTRAINT mail_mailmessage_size_check CHECK ((size >= 0))
);


--
-- Name: mail_mailmessage_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.mail_mailmessage ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.mail_mailmessage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: monitoring_alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.monitoring_alert (
    id bigint NOT NULL,
    fingerprint character varying(128) NOT NULL,
    status character varying(10) NOT NULL,
    labels jsonb NOT NULL,
    annotations jsonb NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    severity character varying(32) NOT NULL,
    generator_url character varying(2000) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    received_count integer NOT NULL,
    first_received_at timestamp with time zone NOT NULL,
    last_received_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    grouped boolean NOT NULL,
    ci_id bigint,
    incident_id bigint,
    previous_id bigint,
    service_id bigint,
    suppressed_by_change_id bigint,
    source_id bigint NOT NULL,
    CONSTRAINT monitoring_alert_impact_check CHECK ((impact >= 0)),
    CONSTRAINT monitoring_alert_received CHECK ((received_count >= 1)),
    CONSTRAINT monitoring_alert_received_count_check CHECK ((received_count >= 0)),
    CONSTRAINT monitoring_alert_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: monitoring_alert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.monitoring_alert ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.monitoring_alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: monitoring_alertrule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.monitoring_alertrule (
    id bigint NOT NULL,
    "order" smallint NOT NULL,
    match jsonb NOT NULL,
    impact smallint,
    urgency smallint,
    ci_id bigint,
    service_id bigint,
    source_id bigint NOT NULL,
    CONSTRAINT monitoring_alertrule_impact_check CHECK ((impact >= 0)),
    CONSTRAINT monitoring_alertrule_order_check CHECK (("order" >= 0)),
    CONSTRAINT monitoring_alertrule_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: monitoring_alertrule_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.monitoring_alertrule ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.monitoring_alertrule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: monitoring_alertsource; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.monitoring_alertsource (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(20) NOT NULL,
    token_hash character varying(64) NOT NULL,
    token_prefix character varying(8) NOT NULL,
    token_rotated_at timestamp with time zone,
    auto_resolve boolean NOT NULL,
    reopen_minutes integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    default_service_id bigint,
    CONSTRAINT monitoring_alertsource_reopen_minutes_check CHECK ((reopen_minutes >= 0))
);


--
-- Name: monitoring_alertsource_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.monitoring_alertsource ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.monitoring_alertsource_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: monitoring_historicalalertrule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.monitoring_historicalalertrule (
    id bigint NOT NULL,
    "order" smallint NOT NULL,
    match jsonb NOT NULL,
    impact smallint,
    urgency smallint,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    ci_id bigint,
    history_user_id integer,
    service_id bigint,
    source_id bigint,
    CONSTRAINT monitoring_historicalalertrule_impact_check CHECK ((impact >= 0)),
    CONSTRAINT monitoring_historicalalertrule_order_check CHECK (("order" >= 0)),
    CONSTRAINT monitoring_historicalalertrule_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: monitoring_historicalalertrule_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.monitoring_historicalalertrule ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.monitoring_historicalalertrule_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: monitoring_historicalalertsource; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.monitoring_historicalalertsource (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(20) NOT NULL,
    token_prefix character varying(8) NOT NULL,
    token_rotated_at timestamp with time zone,
    auto_resolve boolean NOT NULL,
    reopen_minutes integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    default_service_id bigint,
    history_user_id integer,
    CONSTRAINT monitoring_historicalalertsource_reopen_minutes_check CHECK ((reopen_minutes >= 0))
);


--
-- Name: monitoring_historicalalertsource_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.monitoring_historicalalertsource ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.monitoring_historicalalertsource_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_delivery (
    id bigint NOT NULL,
    channel character varying(10) NOT NULL,
    recipient character varying(254) NOT NULL,
    template character varying(80) NOT NULL,
    subject character varying(200) NOT NULL,
    body text NOT NULL,
    status character varying(10) NOT NULL,
    attempts smallint NOT NULL,
    last_error text NOT NULL,
    provider_id character varying(64) NOT NULL,
    idempotency_key character varying(255) NOT NULL,
    related character varying(120) NOT NULL,
    url character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    user_id integer,
    CONSTRAINT notifications_delivery_attempts_check CHECK ((attempts >= 0))
);


--
-- Name: notifications_delivery_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_delivery ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_delivery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_historicalmessagetemplate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_historicalmessagetemplate (
    id bigint NOT NULL,
    key character varying(80) NOT NULL,
    description character varying(200) NOT NULL,
    subject character varying(200) NOT NULL,
    body text NOT NULL,
    sms_body character varying(480) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: notifications_historicalmessagetemplate_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_historicalmessagetemplate ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_historicalmessagetemplate_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_historicalstakeholdergroup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_historicalstakeholdergroup (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: notifications_historicalstakeholdergroup_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_historicalstakeholdergroup ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_historicalstakeholdergroup_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_historicalstakeholdergroup_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_historicalstakeholdergroup_members (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    user_id integer,
    stakeholdergroup_id bigint
);


--
-- Name: notifications_historicalstakeholdergroup_mem_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_historicalstakeholdergroup_members ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_historicalstakeholdergroup_mem_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_messagetemplate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_messagetemplate (
    id bigint NOT NULL,
    key character varying(80) NOT NULL,
    description character varying(200) NOT NULL,
    subject character varying(200) NOT NULL,
    body text NOT NULL,
    sms_body character varying(480) NOT NULL
);


--
-- Name: notifications_messagetemplate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_messagetemplate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_messagetemplate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_notification; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_notification (
    id bigint NOT NULL,
    subject character varying(200) NOT NULL,
    body text NOT NULL,
    url character varying(300) NOT NULL,
    related character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    delivery_id bigint,
    user_id integer NOT NULL
);


--
-- Name: notifications_notification_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_notification ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_smsmessage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_smsmessage (
    id bigint NOT NULL,
    "to" character varying(16) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: notifications_smsmessage_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_smsmessage ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_smsmessage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_stakeholdergroup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_stakeholdergroup (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    description text NOT NULL
);


--
-- Name: notifications_stakeholdergroup_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_stakeholdergroup ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_stakeholdergroup_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_stakeholdergroup_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_stakeholdergroup_members (
    id bigint NOT NULL,
    stakeholdergroup_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: notifications_stakeholdergroup_members_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_stakeholdergroup_members ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_stakeholdergroup_members_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notifications_stakeholdergroup_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications_stakeholdergroup_services (
    id bigint NOT NULL,
    stakeholdergroup_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: notifications_stakeholdergroup_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications_stakeholdergroup_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_stakeholdergroup_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalknownerror; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalknownerror (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    symptom text NOT NULL,
    root_cause text NOT NULL,
    workaround text NOT NULL,
    status character varying(10) NOT NULL,
    applied_count integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    created_by_id integer,
    history_user_id integer,
    problem_id bigint,
    CONSTRAINT problems_historicalknownerror_applied_count_check CHECK ((applied_count >= 0))
);


--
-- Name: problems_historicalknownerror_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalknownerror_cis (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    configurationitem_id bigint,
    history_id integer NOT NULL,
    knownerror_id bigint
);


--
-- Name: problems_historicalknownerror_cis_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalknownerror_cis ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalknownerror_cis_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalknownerror_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalknownerror ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalknownerror_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalknownerror_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalknownerror_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    service_id bigint,
    knownerror_id bigint
);


--
-- Name: problems_historicalknownerror_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalknownerror_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalknownerror_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalproblem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalproblem (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    status character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    root_cause text NOT NULL,
    contributing_factors text NOT NULL,
    five_whys jsonb NOT NULL,
    workaround text NOT NULL,
    resolution text NOT NULL,
    needs_review boolean NOT NULL,
    review_reason character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    known_error_at timestamp with time zone,
    resolved_at timestamp with time zone,
    closed_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    created_by_id integer,
    history_user_id integer,
    major_incident_id bigint,
    owner_id integer,
    team_id bigint,
    root_cause_at timestamp with time zone,
    CONSTRAINT problems_historicalproblem_impact_check CHECK ((impact >= 0)),
    CONSTRAINT problems_historicalproblem_priority_check CHECK ((priority >= 0)),
    CONSTRAINT problems_historicalproblem_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: problems_historicalproblem_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalproblem_cis (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    configurationitem_id bigint,
    history_id integer NOT NULL,
    problem_id bigint
);


--
-- Name: problems_historicalproblem_cis_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalproblem_cis ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalproblem_cis_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalproblem_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalproblem ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalproblem_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalproblem_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalproblem_incidents (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    incident_id bigint,
    problem_id bigint
);


--
-- Name: problems_historicalproblem_incidents_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalproblem_incidents ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalproblem_incidents_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalproblem_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalproblem_services (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    history_id integer NOT NULL,
    service_id bigint,
    problem_id bigint
);


--
-- Name: problems_historicalproblem_services_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalproblem_services ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalproblem_services_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_historicalproblemcandidate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_historicalproblemcandidate (
    id bigint NOT NULL,
    signature character varying(64) NOT NULL,
    incident_count integer NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    decided_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    ci_id bigint,
    decided_by_id integer,
    history_user_id integer,
    service_id bigint,
    problem_id bigint,
    CONSTRAINT problems_historicalproblemcandidate_incident_count_check CHECK ((incident_count >= 0))
);


--
-- Name: problems_historicalproblemcandidate_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_historicalproblemcandidate ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_historicalproblemcandidate_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_knownerror; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_knownerror (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    symptom text NOT NULL,
    root_cause text NOT NULL,
    workaround text NOT NULL,
    status character varying(10) NOT NULL,
    applied_count integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    created_by_id integer,
    problem_id bigint,
    search_vector tsvector GENERATED ALWAYS AS ((((setweight(to_tsvector('english'::regconfig, (COALESCE(title, ''::character varying))::text), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(symptom, ''::text)), 'A'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(workaround, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(root_cause, ''::text)), 'C'::"char"))) STORED,
    CONSTRAINT problems_knownerror_applied_count_check CHECK ((applied_count >= 0))
);


--
-- Name: problems_knownerror_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_knownerror_cis (
    id bigint NOT NULL,
    knownerror_id bigint NOT NULL,
    configurationitem_id bigint NOT NULL
);


--
-- Name: problems_knownerror_cis_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_knownerror_cis ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_knownerror_cis_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_knownerror_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_knownerror ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_knownerror_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_knownerror_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_knownerror_services (
    id bigint NOT NULL,
    knownerror_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: problems_knownerror_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_knownerror_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_knownerror_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problem (
    id bigint NOT NULL,
    number character varying(16),
    title character varying(200) NOT NULL,
    description text NOT NULL,
    status character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    root_cause text NOT NULL,
    contributing_factors text NOT NULL,
    five_whys jsonb NOT NULL,
    workaround text NOT NULL,
    resolution text NOT NULL,
    needs_review boolean NOT NULL,
    review_reason character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    known_error_at timestamp with time zone,
    resolved_at timestamp with time zone,
    closed_at timestamp with time zone,
    created_by_id integer,
    major_incident_id bigint,
    owner_id integer,
    team_id bigint,
    root_cause_at timestamp with time zone,
    search_vector tsvector,
    CONSTRAINT problems_problem_impact_check CHECK ((impact >= 0)),
    CONSTRAINT problems_problem_priority_check CHECK ((priority >= 0)),
    CONSTRAINT problems_problem_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: problems_problem_cis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problem_cis (
    id bigint NOT NULL,
    problem_id bigint NOT NULL,
    configurationitem_id bigint NOT NULL
);


--
-- Name: problems_problem_cis_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problem_cis ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problem_cis_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problem_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problem_incidents (
    id bigint NOT NULL,
    problem_id bigint NOT NULL,
    incident_id bigint NOT NULL
);


--
-- Name: problems_problem_incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problem_incidents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problem_incidents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problem_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problem_services (
    id bigint NOT NULL,
    problem_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: problems_problem_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problem_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problem_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problemcandidate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problemcandidate (
    id bigint NOT NULL,
    signature character varying(64) NOT NULL,
    incident_count integer NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    decided_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    ci_id bigint,
    decided_by_id integer,
    problem_id bigint,
    service_id bigint,
    CONSTRAINT problems_problemcandidate_incident_count_check CHECK ((incident_count >= 0))
);


--
-- Name: problems_problemcandidate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problemcandidate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problemcandidate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_problemcandidate_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_problemcandidate_incidents (
    id bigint NOT NULL,
    problemcandidate_id bigint NOT NULL,
    incident_id bigint NOT NULL
);


--
-- Name: problems_problemcandidate_incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_problemcandidate_incidents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_problemcandidate_incidents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: problems_workaroundapplication; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.problems_workaroundapplication (
    id bigint NOT NULL,
    applied_at timestamp with time zone NOT NULL,
    applied_by_id integer,
    incident_id bigint NOT NULL,
    known_error_id bigint NOT NULL
);


--
-- Name: problems_workaroundapplication_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.problems_workaroundapplication ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.problems_workaroundapplication_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_approval; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_approval (
    id bigint NOT NULL,
    level smallint NOT NULL,
    rule character varying(3) NOT NULL,
    decision character varying(10) NOT NULL,
    comment text NOT NULL,
    decided_at timestamp with time zone,
    approver_id integer NOT NULL,
    request_id bigint NOT NULL,
    CONSTRAINT requests_approval_level_check CHECK ((level >= 0))
);


--
-- Name: requests_approval_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_approval ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_approval_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_catalogitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_catalogitem (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    description text NOT NULL,
    category character varying(80) NOT NULL,
    form jsonb NOT NULL,
    roles jsonb NOT NULL,
    approvals jsonb NOT NULL,
    tasks jsonb NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    change_model_id bigint,
    sla_policy_id bigint
);


--
-- Name: requests_catalogitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_catalogitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_catalogitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_catalogitem_teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_catalogitem_teams (
    id bigint NOT NULL,
    catalogitem_id bigint NOT NULL,
    team_id bigint NOT NULL
);


--
-- Name: requests_catalogitem_teams_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_catalogitem_teams ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_catalogitem_teams_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_fulfilmenttask; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_fulfilmenttask (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    "order" smallint NOT NULL,
    status character varying(10) NOT NULL,
    opened_at timestamp with time zone,
    completed_at timestamp with time zone,
    note text NOT NULL,
    assignee_id integer,
    team_id bigint,
    request_id bigint NOT NULL,
    CONSTRAINT requests_fulfilmenttask_order_check CHECK (("order" >= 0))
);


--
-- Name: requests_fulfilmenttask_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_fulfilmenttask ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_fulfilmenttask_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_historicalapproval; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_historicalapproval (
    id bigint NOT NULL,
    level smallint NOT NULL,
    rule character varying(3) NOT NULL,
    decision character varying(10) NOT NULL,
    comment text NOT NULL,
    decided_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    approver_id integer,
    history_user_id integer,
    request_id bigint,
    CONSTRAINT requests_historicalapproval_level_check CHECK ((level >= 0))
);


--
-- Name: requests_historicalapproval_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_historicalapproval ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_historicalapproval_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_historicalcatalogitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_historicalcatalogitem (
    id bigint NOT NULL,
    name character varying(160) NOT NULL,
    description text NOT NULL,
    category character varying(80) NOT NULL,
    form jsonb NOT NULL,
    roles jsonb NOT NULL,
    approvals jsonb NOT NULL,
    tasks jsonb NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    change_model_id bigint,
    history_user_id integer,
    sla_policy_id bigint
);


--
-- Name: requests_historicalcatalogitem_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_historicalcatalogitem ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_historicalcatalogitem_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_historicalcatalogitem_teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_historicalcatalogitem_teams (
    id bigint NOT NULL,
    m2m_history_id integer NOT NULL,
    catalogitem_id bigint,
    history_id integer NOT NULL,
    team_id bigint
);


--
-- Name: requests_historicalcatalogitem_teams_m2m_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_historicalcatalogitem_teams ALTER COLUMN m2m_history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_historicalcatalogitem_teams_m2m_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_historicalfulfilmenttask; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_historicalfulfilmenttask (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    "order" smallint NOT NULL,
    status character varying(10) NOT NULL,
    opened_at timestamp with time zone,
    completed_at timestamp with time zone,
    note text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    assignee_id integer,
    history_user_id integer,
    team_id bigint,
    request_id bigint,
    CONSTRAINT requests_historicalfulfilmenttask_order_check CHECK (("order" >= 0))
);


--
-- Name: requests_historicalfulfilmenttask_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_historicalfulfilmenttask ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_historicalfulfilmenttask_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_historicalservicerequest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_historicalservicerequest (
    id bigint NOT NULL,
    number character varying(16),
    answers jsonb NOT NULL,
    status character varying(20) NOT NULL,
    priority smallint NOT NULL,
    current_level smallint,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    fulfilled_at timestamp with time zone,
    closed_at timestamp with time zone,
    rejected_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    catalog_item_id bigint,
    change_id bigint,
    history_user_id integer,
    requested_by_id integer,
    requested_for_id integer,
    channel character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    CONSTRAINT requests_historicalservicerequest_current_level_check CHECK ((current_level >= 0)),
    CONSTRAINT requests_historicalservicerequest_impact_check CHECK ((impact >= 0)),
    CONSTRAINT requests_historicalservicerequest_priority_check CHECK ((priority >= 0)),
    CONSTRAINT requests_historicalservicerequest_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: requests_historicalservicerequest_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_historicalservicerequest ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_historicalservicerequest_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_requestcomment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_requestcomment (
    id bigint NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    author_id integer,
    request_id bigint NOT NULL
);


--
-- Name: requests_requestcomment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_requestcomment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_requestcomment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requests_servicerequest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.requests_servicerequest (
    id bigint NOT NULL,
    number character varying(16),
    answers jsonb NOT NULL,
    status character varying(20) NOT NULL,
    priority smallint NOT NULL,
    current_level smallint,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    fulfilled_at timestamp with time zone,
    closed_at timestamp with time zone,
    rejected_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    catalog_item_id bigint NOT NULL,
    change_id bigint,
    requested_by_id integer NOT NULL,
    requested_for_id integer NOT NULL,
    channel character varying(20) NOT NULL,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    search_vector tsvector,
    CONSTRAINT requests_servicerequest_current_level_check CHECK ((current_level >= 0)),
    CONSTRAINT requests_servicerequest_impact_check CHECK ((impact >= 0)),
    CONSTRAINT requests_servicerequest_priority_check CHECK ((priority >= 0)),
    CONSTRAINT requests_servicerequest_urgency_check CHECK ((urgency >= 0))
);


--
-- Name: requests_servicerequest_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.requests_servicerequest ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requests_servicerequest_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_businesscalendar; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_businesscalendar (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    timezone character varying(64) NOT NULL,
    description text NOT NULL
);


--
-- Name: sla_businesscalendar_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_businesscalendar ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_businesscalendar_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_escalationrule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_escalationrule (
    id bigint NOT NULL,
    metric character varying(20) NOT NULL,
    at_percent smallint NOT NULL,
    notify character varying(20) NOT NULL,
    channels jsonb NOT NULL,
    group_id bigint,
    policy_id bigint NOT NULL,
    CONSTRAINT sla_escalationrule_at_percent_check CHECK ((at_percent >= 0))
);


--
-- Name: sla_escalationrule_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_escalationrule ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_escalationrule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalbusinesscalendar; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalbusinesscalendar (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    timezone character varying(64) NOT NULL,
    description text NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: sla_historicalbusinesscalendar_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalbusinesscalendar ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalbusinesscalendar_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalescalationrule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalescalationrule (
    id bigint NOT NULL,
    metric character varying(20) NOT NULL,
    at_percent smallint NOT NULL,
    notify character varying(20) NOT NULL,
    channels jsonb NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    group_id bigint,
    history_user_id integer,
    policy_id bigint,
    CONSTRAINT sla_historicalescalationrule_at_percent_check CHECK ((at_percent >= 0))
);


--
-- Name: sla_historicalescalationrule_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalescalationrule ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalescalationrule_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalholiday; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalholiday (
    id bigint NOT NULL,
    date date NOT NULL,
    name character varying(120) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    calendar_id bigint,
    history_user_id integer
);


--
-- Name: sla_historicalholiday_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalholiday ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalholiday_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalserviceoutage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalserviceoutage (
    id bigint NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    description text NOT NULL,
    source character varying(120) NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer,
    service_id bigint
);


--
-- Name: sla_historicalserviceoutage_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalserviceoutage ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalserviceoutage_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalslapolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalslapolicy (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    applies_to character varying(20) NOT NULL,
    priority smallint,
    customer_tier character varying(10),
    channel character varying(20),
    response_minutes integer,
    resolution_minutes integer,
    pause_on jsonb NOT NULL,
    is_active boolean NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    calendar_id bigint,
    history_user_id integer,
    service_id bigint,
    CONSTRAINT sla_historicalslapolicy_priority_check CHECK ((priority >= 0)),
    CONSTRAINT sla_historicalslapolicy_resolution_minutes_check CHECK ((resolution_minutes >= 0)),
    CONSTRAINT sla_historicalslapolicy_response_minutes_check CHECK ((response_minutes >= 0))
);


--
-- Name: sla_historicalslapolicy_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalslapolicy ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalslapolicy_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_historicalworkinghours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_historicalworkinghours (
    id bigint NOT NULL,
    weekday smallint NOT NULL,
    start_minute smallint NOT NULL,
    end_minute smallint NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    calendar_id bigint,
    history_user_id integer,
    CONSTRAINT sla_historicalworkinghours_end_minute_check CHECK ((end_minute >= 0)),
    CONSTRAINT sla_historicalworkinghours_start_minute_check CHECK ((start_minute >= 0)),
    CONSTRAINT sla_historicalworkinghours_weekday_check CHECK ((weekday >= 0))
);


--
-- Name: sla_historicalworkinghours_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_historicalworkinghours ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_historicalworkinghours_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_holiday; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_holiday (
    id bigint NOT NULL,
    date date NOT NULL,
    name character varying(120) NOT NULL,
    calendar_id bigint NOT NULL
);


--
-- Name: sla_holiday_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_holiday ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_holiday_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_serviceoutage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_serviceoutage (
    id bigint NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    description text NOT NULL,
    source character varying(120) NOT NULL,
    service_id bigint NOT NULL,
    CONSTRAINT sla_serviceoutage_forward CHECK (((ended_at IS NULL) OR (ended_at > started_at)))
);


--
-- Name: sla_serviceoutage_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_serviceoutage ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_serviceoutage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_slaescalation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_slaescalation (
    id bigint NOT NULL,
    at_percent smallint NOT NULL,
    notify character varying(20) NOT NULL,
    channels jsonb NOT NULL,
    fire_at timestamp with time zone,
    fired_at timestamp with time zone,
    group_id bigint,
    rule_id bigint,
    timer_id bigint NOT NULL,
    notified_at timestamp with time zone,
    CONSTRAINT sla_slaescalation_at_percent_check CHECK ((at_percent >= 0))
);


--
-- Name: sla_slaescalation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_slaescalation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_slaescalation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_slaevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_slaevent (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    at timestamp with time zone NOT NULL,
    data jsonb NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    actor_id integer,
    timer_id bigint NOT NULL
);


--
-- Name: sla_slaevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_slaevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_slaevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_slapolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_slapolicy (
    id bigint NOT NULL,
    name character varying(120) NOT NULL,
    applies_to character varying(20) NOT NULL,
    priority smallint,
    customer_tier character varying(10),
    channel character varying(20),
    response_minutes integer,
    resolution_minutes integer,
    pause_on jsonb NOT NULL,
    is_active boolean NOT NULL,
    calendar_id bigint NOT NULL,
    service_id bigint,
    CONSTRAINT sla_slapolicy_priority_check CHECK ((priority >= 0)),
    CONSTRAINT sla_slapolicy_resolution_minutes_check CHECK ((resolution_minutes >= 0)),
    CONSTRAINT sla_slapolicy_response_minutes_check CHECK ((response_minutes >= 0))
);


--
-- Name: sla_slapolicy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_slapolicy ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_slapolicy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_slatimer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_slatimer (
    id bigint NOT NULL,
    object_id bigint NOT NULL,
    metric character varying(20) NOT NULL,
    status character varying(10) NOT NULL,
    target interval NOT NULL,
    consumed interval NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_resumed_at timestamp with time zone,
    paused_at timestamp with time zone,
    due_at timestamp with time zone,
    next_escalation_at timestamp with time zone,
    met_at timestamp with time zone,
    breached_at timestamp with time zone,
    kind character varying(20) NOT NULL,
    priority smallint,
    customer_tier character varying(10) NOT NULL,
    calendar_id bigint NOT NULL,
    content_type_id integer NOT NULL,
    policy_id bigint NOT NULL,
    service_id bigint,
    team_id bigint,
    CONSTRAINT sla_slatimer_object_id_check CHECK ((object_id >= 0)),
    CONSTRAINT sla_slatimer_priority_check CHECK ((priority >= 0))
);


--
-- Name: sla_slatimer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_slatimer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_slatimer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_ticketapp_demoticket; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_ticketapp_demoticket (
    id bigint NOT NULL,
    title character varying(100) NOT NULL,
    kind character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    priority smallint,
    customer_tier character varying(10) NOT NULL,
    channel character varying(20) NOT NULL,
    assignee_id integer,
    service_id bigint,
    team_id bigint,
    CONSTRAINT sla_ticketapp_demoticket_priority_check CHECK ((priority >= 0))
);


--
-- Name: sla_ticketapp_demoticket_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_ticketapp_demoticket ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_ticketapp_demoticket_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sla_workinghours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_workinghours (
    id bigint NOT NULL,
    weekday smallint NOT NULL,
    start_minute smallint NOT NULL,
    end_minute smallint NOT NULL,
    calendar_id bigint NOT NULL,
    CONSTRAINT sla_workinghours_end_minute_check CHECK ((end_minute >= 0)),
    CONSTRAINT sla_workinghours_forward CHECK ((start_minute < end_minute)),
    CONSTRAINT sla_workinghours_start_minute_check CHECK ((start_minute >= 0)),
    CONSTRAINT sla_workinghours_weekday_check CHECK ((weekday >= 0))
);


--
-- Name: sla_workinghours_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sla_workinghours ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sla_workinghours_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_historicalscheduledmaintenance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_historicalscheduledmaintenance (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    source character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    history_id integer NOT NULL,
    history_date timestamp with time zone NOT NULL,
    history_change_reason character varying(100),
    history_type character varying(1) NOT NULL,
    history_user_id integer
);


--
-- Name: statuspage_historicalscheduledmaintenance_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_historicalscheduledmaintenance ALTER COLUMN history_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_historicalscheduledmaintenance_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_maintenancenotice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_maintenancenotice (
    id bigint NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    maintenance_id bigint NOT NULL,
    subscriber_id bigint NOT NULL
);


--
-- Name: statuspage_maintenancenotice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_maintenancenotice ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_maintenancenotice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_scheduledmaintenance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_scheduledmaintenance (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    source character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT statuspage_scheduledmaintenance_ends_after_start CHECK ((ends_at > starts_at))
);


--
-- Name: statuspage_scheduledmaintenance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_scheduledmaintenance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_scheduledmaintenance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_scheduledmaintenance_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_scheduledmaintenance_services (
    id bigint NOT NULL,
    scheduledmaintenance_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: statuspage_scheduledmaintenance_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_scheduledmaintenance_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_scheduledmaintenance_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_subscriber; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_subscriber (
    id bigint NOT NULL,
    email character varying(254) NOT NULL,
    pending_services jsonb,
    language character varying(10) NOT NULL,
    confirm_token character varying(64) NOT NULL,
    unsubscribe_token character varying(64) NOT NULL,
    confirmed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: statuspage_subscriber_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_subscriber ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_subscriber_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_subscriber_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_subscriber_services (
    id bigint NOT NULL,
    subscriber_id bigint NOT NULL,
    service_id bigint NOT NULL
);


--
-- Name: statuspage_subscriber_services_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_subscriber_services ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_subscriber_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: statuspage_subscribernotice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.statuspage_subscribernotice (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    subscriber_id bigint NOT NULL,
    update_id bigint NOT NULL
);


--
-- Name: statuspage_subscribernotice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.statuspage_subscribernotice ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.statuspage_subscribernotice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Data for Name: auth_group; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_group VALUES
	(1, 'requester'),
	(2, 'agent'),
	(3, 'manager'),
	(4, 'change_manager'),
	(5, 'cab_member'),
	(6, 'admin');


--
-- Data for Name: auth_group_permissions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_permission; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_permission VALUES
	(1, 'Can add log entry', 1, 'add_logentry'),
	(2, 'Can change log entry', 1, 'change_logentry'),
	(3, 'Can delete log entry', 1, 'delete_logentry'),
	(4, 'Can view log entry', 1, 'view_logentry'),
	(5, 'Can add permission', 2, 'add_permission'),
	(6, 'Can change permission', 2, 'change_permission'),
	(7, 'Can delete permission', 2, 'delete_permission'),
	(8, 'Can view permission', 2, 'view_permission'),
	(9, 'Can add group', 3, 'add_group'),
	(10, 'Can change group', 3, 'change_group'),
	(11, 'Can delete group', 3, 'delete_group'),
	(12, 'Can view group', 3, 'view_group'),
	(13, 'Can add user', 4, 'add_user'),
	(14, 'Can change user', 4, 'change_user'),
	(15, 'Can delete user', 4, 'delete_user'),
	(16, 'Can view user', 4, 'view_user'),
	(17, 'Can add content type', 5, 'add_contenttype'),
	(18, 'Can change content type', 5, 'change_contenttype'),
	(19, 'Can delete content type', 5, 'delete_contenttype'),
	(20, 'Can view content type', 5, 'view_contenttype'),
	(21, 'Can add session', 6, 'add_session'),
	(22, 'Can change session', 6, 'change_session'),
	(23, 'Can delete session', 6, 'delete_session'),
	(24, 'Can view session', 6, 'view_session'),
	(25, 'Can add Token', 7, 'add_token'),
	(26, 'Can change Token', 7, 'change_token'),
	(27, 'Can delete Token', 7, 'delete_token'),
	(28, 'Can view Token', 7, 'view_token'),
	(29, 'Can add Token', 8, 'add_tokenproxy'),
	(30, 'Can change Token', 8, 'change_tokenproxy'),
	(31, 'Can delete Token', 8, 'delete_tokenproxy'),
	(32, 'Can view Token', 8, 'view_tokenproxy'),
	(33, 'Can add access attempt', 9, 'add_accessattempt'),
	(34, 'Can change access attempt', 9, 'change_accessattempt'),
	(35, 'Can delete access attempt', 9, 'delete_accessattempt'),
	(36, 'Can view access attempt', 9, 'view_accessattempt'),
	(37, 'Can add access log', 10, 'add_accesslog'),
	(38, 'Can change access log', 10, 'change_accesslog'),
	(39, 'Can delete access log', 10, 'delete_accesslog'),
	(40, 'Can view access log', 10, 'view_accesslog'),
	(41, 'Can add access failure', 11, 'add_accessfailurelog'),
	(42, 'Can change access failure', 11, 'change_accessfailurelog'),
	(43, 'Can delete access failure', 11, 'delete_accessfailurelog'),
	(44, 'Can view access failure', 11, 'view_accessfailurelog'),
	(45, 'Can add access attempt expiration', 12, 'add_accessattemptexpiration'),
	(46, 'Can change access attempt expiration', 12, 'change_accessattemptexpiration'),
	(47, 'Can delete access attempt expiration', 12, 'delete_accessattemptexpiration'),
	(48, 'Can view access attempt expiration', 12, 'view_accessattemptexpiration'),
	(49, 'Can add historical saved view', 13, 'add_historicalsavedview'),
	(50, 'Can change historical saved view', 13, 'change_historicalsavedview'),
	(51, 'Can delete historical saved view', 13, 'delete_historicalsavedview'),
	(52, 'Can view historical saved view', 13, 'view_historicalsavedview'),
	(53, 'Can add saved view', 14, 'add_savedview'),
	(54, 'Can change saved view', 14, 'change_savedview'),
	(55, 'Can delete saved view', 14, 'delete_savedview'),
	(56, 'Can view saved view', 14, 'view_savedview'),
	(57, 'Can add configuration item', 15, 'add_configurationitem'),
	(58, 'Can change configuration item', 15, 'change_configurationitem'),
	(59, 'Can delete configuration item', 15, 'delete_configurationitem'),
	(60, 'Can view configuration item', 15, 'view_configurationitem'),
	(61, 'Can add service', 16, 'add_service'),
	(62, 'Can change service', 16, 'change_service'),
	(63, 'Can delete service', 16, 'delete_service'),
	(64, 'Can view service', 16, 'view_service'),
	(65, 'Can add skill', 17, 'add_skill'),
	(66, 'Can change skill', 17, 'change_skill'),
	(67, 'Can delete skill', 17, 'delete_skill'),
	(68, 'Can view skill', 17, 'view_skill'),
	(69, 'Can add agent profile', 18, 'add_agentprofile'),
	(70, 'Can change agent profile', 18, 'change_agentprofile'),
	(71, 'Can delete agent profile', 18, 'delete_agentprofile'),
	(72, 'Can view agent profile', 18, 'view_agentprofile'),
	(73, 'Can add contact', 19, 'add_contact'),
	(74, 'Can change contact', 19, 'change_contact'),
	(75, 'Can delete contact', 19, 'delete_contact'),
	(76, 'Can view contact', 19, 'view_contact'),
	(77, 'Can add contact phone', 20, 'add_contactphone'),
	(78, 'Can change contact phone', 20, 'change_contactphone'),
	(79, 'Can delete contact phone', 20, 'delete_contactphone'),
	(80, 'Can view contact phone', 20, 'view_contactphone'),
	(81, 'Can add customer', 21, 'add_customer'),
	(82, 'Can change customer', 21, 'change_customer'),
	(83, 'Can delete customer', 21, 'delete_customer'),
	(84, 'Can view customer', 21, 'view_customer'),
	(85, 'Can add historical agent profile', 22, 'add_historicalagentprofile'),
	(86, 'Can change historical agent profile', 22, 'change_historicalagentprofile'),
	(87, 'Can delete historical agent profile', 22, 'delete_historicalagentprofile'),
	(88, 'Can view historical agent profile', 22, 'view_historicalagentprofile'),
	(89, 'Can add historical ci relation', 23, 'add_historicalcirelation'),
	(90, 'Can change historical ci relation', 23, 'change_historicalcirelation'),
	(91, 'Can delete historical ci relation', 23, 'delete_historicalcirelation'),
	(92, 'Can view historical ci relation', 23, 'view_historicalcirelation'),
	(93, 'Can add historical contact', 24, 'add_historicalcontact'),
	(94, 'Can change historical contact', 24, 'change_historicalcontact'),
	(95, 'Can delete historical contact', 24, 'delete_historicalcontact'),
	(96, 'Can view historical contact', 24, 'view_historicalcontact'),
	(97, 'Can add historical contact phone', 25, 'add_historicalcontactphone'),
	(694, 'Can add queue', 174, 'add_queue'),
	(98, 'Can change historical contact phone', 25, 'change_historicalcontactphone'),
	(99, 'Can delete historical contact phone', 25, 'delete_historicalcontactphone'),
	(100, 'Can view historical contact phone', 25, 'view_historicalcontactphone'),
	(101, 'Can add historical customer', 26, 'add_historicalcustomer'),
	(102, 'Can change historical customer', 26, 'change_historicalcustomer'),
	(103, 'Can delete historical customer', 26, 'delete_historicalcustomer'),
	(104, 'Can view historical customer', 26, 'view_historicalcustomer'),
	(105, 'Can add historical skill', 27, 'add_historicalskill'),
	(106, 'Can change historical skill', 27, 'change_historicalskill'),
	(107, 'Can delete historical skill', 27, 'delete_historicalskill'),
	(108, 'Can view historical skill', 27, 'view_historicalskill'),
	(109, 'Can add historical team', 28, 'add_historicalteam'),
	(110, 'Can change historical team', 28, 'change_historicalteam'),
	(111, 'Can delete historical team', 28, 'delete_historicalteam'),
	(112, 'Can view historical team', 28, 'view_historicalteam'),
	(113, 'Can add historical user', 29, 'add_historicaluser'),
	(114, 'Can change historical user', 29, 'change_historicaluser'),
	(115, 'Can delete historical user', 29, 'delete_historicaluser'),
	(116, 'Can view historical user', 29, 'view_historicaluser'),
	(117, 'Can add HistoricalAgentProfile_skills', 30, 'add_historicalagentprofile_skills'),
	(118, 'Can change HistoricalAgentProfile_skills', 30, 'change_historicalagentprofile_skills'),
	(119, 'Can delete HistoricalAgentProfile_skills', 30, 'delete_historicalagentprofile_skills'),
	(120, 'Can view HistoricalAgentProfile_skills', 30, 'view_historicalagentprofile_skills'),
	(121, 'Can add team', 31, 'add_team'),
	(122, 'Can change team', 31, 'change_team'),
	(123, 'Can delete team', 31, 'delete_team'),
	(124, 'Can view team', 31, 'view_team'),
	(125, 'Can add HistoricalTeam_members', 32, 'add_historicalteam_members'),
	(126, 'Can change HistoricalTeam_members', 32, 'change_historicalteam_members'),
	(127, 'Can delete HistoricalTeam_members', 32, 'delete_historicalteam_members'),
	(128, 'Can view HistoricalTeam_members', 32, 'view_historicalteam_members'),
	(129, 'Can add historical service', 33, 'add_historicalservice'),
	(130, 'Can change historical service', 33, 'change_historicalservice'),
	(131, 'Can delete historical service', 33, 'delete_historicalservice'),
	(132, 'Can view historical service', 33, 'view_historicalservice'),
	(133, 'Can add historical configuration item', 34, 'add_historicalconfigurationitem'),
	(134, 'Can change historical configuration item', 34, 'change_historicalconfigurationitem'),
	(135, 'Can delete historical configuration item', 34, 'delete_historicalconfigurationitem'),
	(136, 'Can view historical configuration item', 34, 'view_historicalconfigurationitem'),
	(137, 'Can add ci relation', 35, 'add_cirelation'),
	(138, 'Can change ci relation', 35, 'change_cirelation'),
	(139, 'Can delete ci relation', 35, 'delete_cirelation'),
	(140, 'Can view ci relation', 35, 'view_cirelation'),
	(141, 'Can add historical canned reply', 36, 'add_historicalcannedreply'),
	(142, 'Can change historical canned reply', 36, 'change_historicalcannedreply'),
	(143, 'Can delete historical canned reply', 36, 'delete_historicalcannedreply'),
	(144, 'Can view historical canned reply', 36, 'view_historicalcannedreply'),
	(145, 'Can add canned reply', 37, 'add_cannedreply'),
	(146, 'Can change canned reply', 37, 'change_cannedreply'),
	(147, 'Can delete canned reply', 37, 'delete_cannedreply'),
	(148, 'Can view canned reply', 37, 'view_cannedreply'),
	(149, 'Can add message template', 38, 'add_messagetemplate'),
	(150, 'Can change message template', 38, 'change_messagetemplate'),
	(151, 'Can delete message template', 38, 'delete_messagetemplate'),
	(152, 'Can view message template', 38, 'view_messagetemplate'),
	(153, 'Can add SMS in the local outbox', 39, 'add_smsmessage'),
	(154, 'Can change SMS in the local outbox', 39, 'change_smsmessage'),
	(155, 'Can delete SMS in the local outbox', 39, 'delete_smsmessage'),
	(156, 'Can view SMS in the local outbox', 39, 'view_smsmessage'),
	(157, 'Can add delivery', 40, 'add_delivery'),
	(158, 'Can change delivery', 40, 'change_delivery'),
	(159, 'Can delete delivery', 40, 'delete_delivery'),
	(160, 'Can view delivery', 40, 'view_delivery'),
	(161, 'Can add historical message template', 41, 'add_historicalmessagetemplate'),
	(162, 'Can change historical message template', 41, 'change_historicalmessagetemplate'),
	(163, 'Can delete historical message template', 41, 'delete_historicalmessagetemplate'),
	(164, 'Can view historical message template', 41, 'view_historicalmessagetemplate'),
	(165, 'Can add historical stakeholder group', 42, 'add_historicalstakeholdergroup'),
	(166, 'Can change historical stakeholder group', 42, 'change_historicalstakeholdergroup'),
	(167, 'Can delete historical stakeholder group', 42, 'delete_historicalstakeholdergroup'),
	(168, 'Can view historical stakeholder group', 42, 'view_historicalstakeholdergroup'),
	(169, 'Can add notification', 43, 'add_notification'),
	(170, 'Can change notification', 43, 'change_notification'),
	(171, 'Can delete notification', 43, 'delete_notification'),
	(172, 'Can view notification', 43, 'view_notification'),
	(173, 'Can add stakeholder group', 44, 'add_stakeholdergroup'),
	(174, 'Can change stakeholder group', 44, 'change_stakeholdergroup'),
	(175, 'Can delete stakeholder group', 44, 'delete_stakeholdergroup'),
	(176, 'Can view stakeholder group', 44, 'view_stakeholdergroup'),
	(177, 'Can add HistoricalStakeholderGroup_members', 45, 'add_historicalstakeholdergroup_members'),
	(178, 'Can change HistoricalStakeholderGroup_members', 45, 'change_historicalstakeholdergroup_members'),
	(179, 'Can delete HistoricalStakeholderGroup_members', 45, 'delete_historicalstakeholdergroup_members'),
	(180, 'Can view HistoricalStakeholderGroup_members', 45, 'view_historicalstakeholdergroup_members'),
	(181, 'Can add business calendar', 46, 'add_businesscalendar'),
	(182, 'Can change business calendar', 46, 'change_businesscalendar'),
	(183, 'Can delete business calendar', 46, 'delete_businesscalendar'),
	(184, 'Can view business calendar', 46, 'view_businesscalendar'),
	(185, 'Can add historical business calendar', 47, 'add_historicalbusinesscalendar'),
	(186, 'Can change historical business calendar', 47, 'change_historicalbusinesscalendar'),
	(187, 'Can delete historical business calendar', 47, 'delete_historicalbusinesscalendar'),
	(188, 'Can view historical business calendar', 47, 'view_historicalbusinesscalendar'),
	(189, 'Can add historical holiday', 48, 'add_historicalholiday'),
	(190, 'Can change historical holiday', 48, 'change_historicalholiday'),
	(191, 'Can delete historical holiday', 48, 'delete_historicalholiday'),
	(192, 'Can view historical holiday', 48, 'view_historicalholiday'),
	(193, 'Can add historical service outage', 49, 'add_historicalserviceoutage'),
	(194, 'Can change historical service outage', 49, 'change_historicalserviceoutage'),
	(195, 'Can delete historical service outage', 49, 'delete_historicalserviceoutage'),
	(196, 'Can view historical service outage', 49, 'view_historicalserviceoutage'),
	(197, 'Can add historical SLA policy', 50, 'add_historicalslapolicy'),
	(198, 'Can change historical SLA policy', 50, 'change_historicalslapolicy'),
	(199, 'Can delete historical SLA policy', 50, 'delete_historicalslapolicy'),
	(200, 'Can view historical SLA policy', 50, 'view_historicalslapolicy'),
	(201, 'Can add historical working hours', 51, 'add_historicalworkinghours'),
	(202, 'Can change historical working hours', 51, 'change_historicalworkinghours'),
	(203, 'Can delete historical working hours', 51, 'delete_historicalworkinghours'),
	(204, 'Can view historical working hours', 51, 'view_historicalworkinghours'),
	(205, 'Can add SLA policy', 52, 'add_slapolicy'),
	(206, 'Can change SLA policy', 52, 'change_slapolicy'),
	(207, 'Can delete SLA policy', 52, 'delete_slapolicy'),
	(208, 'Can view SLA policy', 52, 'view_slapolicy'),
	(209, 'Can add historical escalation rule', 53, 'add_historicalescalationrule'),
	(210, 'Can change historical escalation rule', 53, 'change_historicalescalationrule'),
	(211, 'Can delete historical escalation rule', 53, 'delete_historicalescalationrule'),
	(212, 'Can view historical escalation rule', 53, 'view_historicalescalationrule'),
	(213, 'Can add escalation rule', 54, 'add_escalationrule'),
	(214, 'Can change escalation rule', 54, 'change_escalationrule'),
	(215, 'Can delete escalation rule', 54, 'delete_escalationrule'),
	(216, 'Can view escalation rule', 54, 'view_escalationrule'),
	(217, 'Can add sla timer', 55, 'add_slatimer'),
	(218, 'Can change sla timer', 55, 'change_slatimer'),
	(219, 'Can delete sla timer', 55, 'delete_slatimer'),
	(220, 'Can view sla timer', 55, 'view_slatimer'),
	(221, 'Can add sla event', 56, 'add_slaevent'),
	(222, 'Can change sla event', 56, 'change_slaevent'),
	(223, 'Can delete sla event', 56, 'delete_slaevent'),
	(224, 'Can view sla event', 56, 'view_slaevent'),
	(225, 'Can add sla escalation', 57, 'add_slaescalation'),
	(226, 'Can change sla escalation', 57, 'change_slaescalation'),
	(227, 'Can delete sla escalation', 57, 'delete_slaescalation'),
	(228, 'Can view sla escalation', 57, 'view_slaescalation'),
	(229, 'Can add working hours', 58, 'add_workinghours'),
	(230, 'Can change working hours', 58, 'change_workinghours'),
	(231, 'Can delete working hours', 58, 'delete_workinghours'),
	(232, 'Can view working hours', 58, 'view_workinghours'),
	(233, 'Can add holiday', 59, 'add_holiday'),
	(234, 'Can change holiday', 59, 'change_holiday'),
	(235, 'Can delete holiday', 59, 'delete_holiday'),
	(236, 'Can view holiday', 59, 'view_holiday'),
	(237, 'Can add service outage', 60, 'add_serviceoutage'),
	(238, 'Can change service outage', 60, 'change_serviceoutage'),
	(239, 'Can delete service outage', 60, 'delete_serviceoutage'),
	(240, 'Can view service outage', 60, 'view_serviceoutage'),
	(241, 'Can add historical priority matrix', 61, 'add_historicalprioritymatrix'),
	(242, 'Can change historical priority matrix', 61, 'change_historicalprioritymatrix'),
	(243, 'Can delete historical priority matrix', 61, 'delete_historicalprioritymatrix'),
	(244, 'Can view historical priority matrix', 61, 'view_historicalprioritymatrix'),
	(245, 'Can add incident', 62, 'add_incident'),
	(246, 'Can change incident', 62, 'change_incident'),
	(247, 'Can delete incident', 62, 'delete_incident'),
	(248, 'Can view incident', 62, 'view_incident'),
	(249, 'Can add historical incident note', 63, 'add_historicalincidentnote'),
	(250, 'Can change historical incident note', 63, 'change_historicalincidentnote'),
	(251, 'Can delete historical incident note', 63, 'delete_historicalincidentnote'),
	(252, 'Can view historical incident note', 63, 'view_historicalincidentnote'),
	(253, 'Can add historical incident', 64, 'add_historicalincident'),
	(254, 'Can change historical incident', 64, 'change_historicalincident'),
	(255, 'Can delete historical incident', 64, 'delete_historicalincident'),
	(256, 'Can view historical incident', 64, 'view_historicalincident'),
	(257, 'Can add incident note', 65, 'add_incidentnote'),
	(258, 'Can change incident note', 65, 'change_incidentnote'),
	(259, 'Can delete incident note', 65, 'delete_incidentnote'),
	(260, 'Can view incident note', 65, 'view_incidentnote'),
	(261, 'Can add historical attachment', 66, 'add_historicalattachment'),
	(262, 'Can change historical attachment', 66, 'change_historicalattachment'),
	(263, 'Can delete historical attachment', 66, 'delete_historicalattachment'),
	(264, 'Can view historical attachment', 66, 'view_historicalattachment'),
	(265, 'Can add attachment', 67, 'add_attachment'),
	(266, 'Can change attachment', 67, 'change_attachment'),
	(267, 'Can delete attachment', 67, 'delete_attachment'),
	(268, 'Can view attachment', 67, 'view_attachment'),
	(269, 'Can add priority matrix', 68, 'add_prioritymatrix'),
	(270, 'Can change priority matrix', 68, 'change_prioritymatrix'),
	(271, 'Can delete priority matrix', 68, 'delete_prioritymatrix'),
	(272, 'Can view priority matrix', 68, 'view_prioritymatrix'),
	(273, 'Can add historical major incident', 69, 'add_historicalmajorincident'),
	(274, 'Can change historical major incident', 69, 'change_historicalmajorincident'),
	(275, 'Can delete historical major incident', 69, 'delete_historicalmajorincident'),
	(276, 'Can view historical major incident', 69, 'view_historicalmajorincident'),
	(277, 'Can add historical spike rule', 70, 'add_historicalspikerule'),
	(278, 'Can change historical spike rule', 70, 'change_historicalspikerule'),
	(279, 'Can delete historical spike rule', 70, 'delete_historicalspikerule'),
	(280, 'Can view historical spike rule', 70, 'view_historicalspikerule'),
	(281, 'Can add major incident', 71, 'add_majorincident'),
	(282, 'Can change major incident', 71, 'change_majorincident'),
	(283, 'Can delete major incident', 71, 'delete_majorincident'),
	(284, 'Can view major incident', 71, 'view_majorincident'),
	(285, 'Can declare a major incident', 71, 'declare_majorincident'),
	(286, 'Can add historical stakeholder update', 72, 'add_historicalstakeholderupdate'),
	(287, 'Can change historical stakeholder update', 72, 'change_historicalstakeholderupdate'),
	(288, 'Can delete historical stakeholder update', 72, 'delete_historicalstakeholderupdate'),
	(289, 'Can view historical stakeholder update', 72, 'view_historicalstakeholderupdate'),
	(290, 'Can add historical postmortem', 73, 'add_historicalpostmortem'),
	(291, 'Can change historical postmortem', 73, 'change_historicalpostmortem'),
	(292, 'Can delete historical postmortem', 73, 'delete_historicalpostmortem'),
	(293, 'Can view historical postmortem', 73, 'view_historicalpostmortem'),
	(294, 'Can add historical major incident task', 74, 'add_historicalmajorincidenttask'),
	(295, 'Can change historical major incident task', 74, 'change_historicalmajorincidenttask'),
	(296, 'Can delete historical major incident task', 74, 'delete_historicalmajorincidenttask'),
	(297, 'Can view historical major incident task', 74, 'view_historicalmajorincidenttask'),
	(298, 'Can add historical major incident member', 75, 'add_historicalmajorincidentmember'),
	(299, 'Can change historical major incident member', 75, 'change_historicalmajorincidentmember'),
	(300, 'Can delete historical major incident member', 75, 'delete_historicalmajorincidentmember'),
	(301, 'Can view historical major incident member', 75, 'view_historicalmajorincidentmember'),
	(302, 'Can add major incident member', 76, 'add_majorincidentmember'),
	(303, 'Can change major incident member', 76, 'change_majorincidentmember'),
	(304, 'Can delete major incident member', 76, 'delete_majorincidentmember'),
	(305, 'Can view major incident member', 76, 'view_majorincidentmember'),
	(306, 'Can add major incident task', 77, 'add_majorincidenttask'),
	(307, 'Can change major incident task', 77, 'change_majorincidenttask'),
	(308, 'Can delete major incident task', 77, 'delete_majorincidenttask'),
	(309, 'Can view major incident task', 77, 'view_majorincidenttask'),
	(310, 'Can add postmortem', 78, 'add_postmortem'),
	(311, 'Can change postmortem', 78, 'change_postmortem'),
	(312, 'Can delete postmortem', 78, 'delete_postmortem'),
	(313, 'Can view postmortem', 78, 'view_postmortem'),
	(314, 'Can add spike rule', 79, 'add_spikerule'),
	(315, 'Can change spike rule', 79, 'change_spikerule'),
	(316, 'Can delete spike rule', 79, 'delete_spikerule'),
	(317, 'Can view spike rule', 79, 'view_spikerule'),
	(318, 'Can add spike alert', 80, 'add_spikealert'),
	(319, 'Can change spike alert', 80, 'change_spikealert'),
	(320, 'Can delete spike alert', 80, 'delete_spikealert'),
	(321, 'Can view spike alert', 80, 'view_spikealert'),
	(322, 'Can add historical spike alert', 81, 'add_historicalspikealert'),
	(323, 'Can change historical spike alert', 81, 'change_historicalspikealert'),
	(324, 'Can delete historical spike alert', 81, 'delete_historicalspikealert'),
	(325, 'Can view historical spike alert', 81, 'view_historicalspikealert'),
	(326, 'Can add stakeholder update', 82, 'add_stakeholderupdate'),
	(327, 'Can change stakeholder update', 82, 'change_stakeholderupdate'),
	(328, 'Can delete stakeholder update', 82, 'delete_stakeholderupdate'),
	(329, 'Can view stakeholder update', 82, 'view_stakeholderupdate'),
	(330, 'Can add timeline event', 83, 'add_timelineevent'),
	(331, 'Can change timeline event', 83, 'change_timelineevent'),
	(332, 'Can delete timeline event', 83, 'delete_timelineevent'),
	(333, 'Can view timeline event', 83, 'view_timelineevent'),
	(334, 'Can add demand signal', 84, 'add_demandsignal'),
	(335, 'Can change demand signal', 84, 'change_demandsignal'),
	(336, 'Can delete demand signal', 84, 'delete_demandsignal'),
	(337, 'Can view demand signal', 84, 'view_demandsignal'),
	(338, 'Can add historical scheduled maintenance', 85, 'add_historicalscheduledmaintenance'),
	(339, 'Can change historical scheduled maintenance', 85, 'change_historicalscheduledmaintenance'),
	(340, 'Can delete historical scheduled maintenance', 85, 'delete_historicalscheduledmaintenance'),
	(341, 'Can view historical scheduled maintenance', 85, 'view_historicalscheduledmaintenance'),
	(342, 'Can add subscriber', 86, 'add_subscriber'),
	(343, 'Can change subscriber', 86, 'change_subscriber'),
	(344, 'Can delete subscriber', 86, 'delete_subscriber'),
	(345, 'Can view subscriber', 86, 'view_subscriber'),
	(346, 'Can add subscriber notice', 87, 'add_subscribernotice'),
	(347, 'Can change subscriber notice', 87, 'change_subscribernotice'),
	(348, 'Can delete subscriber notice', 87, 'delete_subscribernotice'),
	(349, 'Can view subscriber notice', 87, 'view_subscribernotice'),
	(350, 'Can add scheduled maintenance', 88, 'add_scheduledmaintenance'),
	(351, 'Can change scheduled maintenance', 88, 'change_scheduledmaintenance'),
	(352, 'Can delete scheduled maintenance', 88, 'delete_scheduledmaintenance'),
	(353, 'Can view scheduled maintenance', 88, 'view_scheduledmaintenance'),
	(354, 'Can add maintenance notice', 89, 'add_maintenancenotice'),
	(355, 'Can change maintenance notice', 89, 'change_maintenancenotice'),
	(356, 'Can delete maintenance notice', 89, 'delete_maintenancenotice'),
	(357, 'Can view maintenance notice', 89, 'view_maintenancenotice'),
	(358, 'Can add historical known error', 90, 'add_historicalknownerror'),
	(359, 'Can change historical known error', 90, 'change_historicalknownerror'),
	(360, 'Can delete historical known error', 90, 'delete_historicalknownerror'),
	(361, 'Can view historical known error', 90, 'view_historicalknownerror'),
	(362, 'Can add historical problem', 91, 'add_historicalproblem'),
	(363, 'Can change historical problem', 91, 'change_historicalproblem'),
	(364, 'Can delete historical problem', 91, 'delete_historicalproblem'),
	(365, 'Can view historical problem', 91, 'view_historicalproblem'),
	(366, 'Can add known error', 92, 'add_knownerror'),
	(367, 'Can change known error', 92, 'change_knownerror'),
	(368, 'Can delete known error', 92, 'delete_knownerror'),
	(369, 'Can view known error', 92, 'view_knownerror'),
	(370, 'Can add HistoricalKnownError_services', 93, 'add_historicalknownerror_services'),
	(371, 'Can change HistoricalKnownError_services', 93, 'change_historicalknownerror_services'),
	(372, 'Can delete HistoricalKnownError_services', 93, 'delete_historicalknownerror_services'),
	(373, 'Can view HistoricalKnownError_services', 93, 'view_historicalknownerror_services'),
	(374, 'Can add HistoricalKnownError_cis', 94, 'add_historicalknownerror_cis'),
	(375, 'Can change HistoricalKnownError_cis', 94, 'change_historicalknownerror_cis'),
	(376, 'Can delete HistoricalKnownError_cis', 94, 'delete_historicalknownerror_cis'),
	(377, 'Can view HistoricalKnownError_cis', 94, 'view_historicalknownerror_cis'),
	(378, 'Can add problem', 95, 'add_problem'),
	(379, 'Can change problem', 95, 'change_problem'),
	(380, 'Can delete problem', 95, 'delete_problem'),
	(381, 'Can view problem', 95, 'view_problem'),
	(382, 'Can add historical problem candidate', 96, 'add_historicalproblemcandidate'),
	(383, 'Can change historical problem candidate', 96, 'change_historicalproblemcandidate'),
	(384, 'Can delete historical problem candidate', 96, 'delete_historicalproblemcandidate'),
	(385, 'Can view historical problem candidate', 96, 'view_historicalproblemcandidate'),
	(386, 'Can add HistoricalProblem_services', 97, 'add_historicalproblem_services'),
	(387, 'Can change HistoricalProblem_services', 97, 'change_historicalproblem_services'),
	(388, 'Can delete HistoricalProblem_services', 97, 'delete_historicalproblem_services'),
	(389, 'Can view HistoricalProblem_services', 97, 'view_historicalproblem_services'),
	(390, 'Can add HistoricalProblem_incidents', 98, 'add_historicalproblem_incidents'),
	(391, 'Can change HistoricalProblem_incidents', 98, 'change_historicalproblem_incidents'),
	(392, 'Can delete HistoricalProblem_incidents', 98, 'delete_historicalproblem_incidents'),
	(393, 'Can view HistoricalProblem_incidents', 98, 'view_historicalproblem_incidents'),
	(394, 'Can add HistoricalProblem_cis', 99, 'add_historicalproblem_cis'),
	(395, 'Can change HistoricalProblem_cis', 99, 'change_historicalproblem_cis'),
	(396, 'Can delete HistoricalProblem_cis', 99, 'delete_historicalproblem_cis'),
	(397, 'Can view HistoricalProblem_cis', 99, 'view_historicalproblem_cis'),
	(398, 'Can add problem candidate', 100, 'add_problemcandidate'),
	(399, 'Can change problem candidate', 100, 'change_problemcandidate'),
	(400, 'Can delete problem candidate', 100, 'delete_problemcandidate'),
	(401, 'Can view problem candidate', 100, 'view_problemcandidate'),
	(402, 'Can add workaround application', 101, 'add_workaroundapplication'),
	(403, 'Can change workaround application', 101, 'change_workaroundapplication'),
	(404, 'Can delete workaround application', 101, 'delete_workaroundapplication'),
	(405, 'Can view workaround application', 101, 'view_workaroundapplication'),
	(406, 'Can add blackout window', 102, 'add_blackoutwindow'),
	(407, 'Can change blackout window', 102, 'change_blackoutwindow'),
	(408, 'Can delete blackout window', 102, 'delete_blackoutwindow'),
	(409, 'Can view blackout window', 102, 'view_blackoutwindow'),
	(410, 'Can add cab board', 103, 'add_cabboard'),
	(411, 'Can change cab board', 103, 'change_cabboard'),
	(412, 'Can delete cab board', 103, 'delete_cabboard'),
	(413, 'Can view cab board', 103, 'view_cabboard'),
	(414, 'Can add cab meeting', 104, 'add_cabmeeting'),
	(415, 'Can change cab meeting', 104, 'change_cabmeeting'),
	(416, 'Can delete cab meeting', 104, 'delete_cabmeeting'),
	(417, 'Can view cab meeting', 104, 'view_cabmeeting'),
	(418, 'Can add category matrix', 105, 'add_categorymatrix'),
	(419, 'Can change category matrix', 105, 'change_categorymatrix'),
	(420, 'Can delete category matrix', 105, 'delete_categorymatrix'),
	(421, 'Can view category matrix', 105, 'view_categorymatrix'),
	(422, 'Can add change', 106, 'add_change'),
	(423, 'Can change change', 106, 'change_change'),
	(424, 'Can delete change', 106, 'delete_change'),
	(425, 'Can view change', 106, 'view_change'),
	(426, 'Can add cab decision', 107, 'add_cabdecision'),
	(427, 'Can change cab decision', 107, 'change_cabdecision'),
	(428, 'Can delete cab decision', 107, 'delete_cabdecision'),
	(429, 'Can view cab decision', 107, 'view_cabdecision'),
	(430, 'Can add change model', 108, 'add_changemodel'),
	(431, 'Can change change model', 108, 'change_changemodel'),
	(432, 'Can delete change model', 108, 'delete_changemodel'),
	(433, 'Can view change model', 108, 'view_changemodel'),
	(434, 'Can add change task', 109, 'add_changetask'),
	(435, 'Can change change task', 109, 'change_changetask'),
	(436, 'Can delete change task', 109, 'delete_changetask'),
	(437, 'Can view change task', 109, 'view_changetask'),
	(438, 'Can add historical blackout window', 110, 'add_historicalblackoutwindow'),
	(439, 'Can change historical blackout window', 110, 'change_historicalblackoutwindow'),
	(440, 'Can delete historical blackout window', 110, 'delete_historicalblackoutwindow'),
	(441, 'Can view historical blackout window', 110, 'view_historicalblackoutwindow'),
	(442, 'Can add HistoricalBlackoutWindow_services', 111, 'add_historicalblackoutwindow_services'),
	(443, 'Can change HistoricalBlackoutWindow_services', 111, 'change_historicalblackoutwindow_services'),
	(444, 'Can delete HistoricalBlackoutWindow_services', 111, 'delete_historicalblackoutwindow_services'),
	(445, 'Can view HistoricalBlackoutWindow_services', 111, 'view_historicalblackoutwindow_services'),
	(446, 'Can add historical cab board', 112, 'add_historicalcabboard'),
	(447, 'Can change historical cab board', 112, 'change_historicalcabboard'),
	(448, 'Can delete historical cab board', 112, 'delete_historicalcabboard'),
	(449, 'Can view historical cab board', 112, 'view_historicalcabboard'),
	(450, 'Can add HistoricalCABBoard_members', 113, 'add_historicalcabboard_members'),
	(451, 'Can change HistoricalCABBoard_members', 113, 'change_historicalcabboard_members'),
	(452, 'Can delete HistoricalCABBoard_members', 113, 'delete_historicalcabboard_members'),
	(453, 'Can view HistoricalCABBoard_members', 113, 'view_historicalcabboard_members'),
	(454, 'Can add historical cab decision', 114, 'add_historicalcabdecision'),
	(455, 'Can change historical cab decision', 114, 'change_historicalcabdecision'),
	(456, 'Can delete historical cab decision', 114, 'delete_historicalcabdecision'),
	(457, 'Can view historical cab decision', 114, 'view_historicalcabdecision'),
	(458, 'Can add historical cab meeting', 115, 'add_historicalcabmeeting'),
	(459, 'Can change historical cab meeting', 115, 'change_historicalcabmeeting'),
	(460, 'Can delete historical cab meeting', 115, 'delete_historicalcabmeeting'),
	(461, 'Can view historical cab meeting', 115, 'view_historicalcabmeeting'),
	(462, 'Can add historical category matrix', 116, 'add_historicalcategorymatrix'),
	(463, 'Can change historical category matrix', 116, 'change_historicalcategorymatrix'),
	(464, 'Can delete historical category matrix', 116, 'delete_historicalcategorymatrix'),
	(465, 'Can view historical category matrix', 116, 'view_historicalcategorymatrix'),
	(466, 'Can add historical change', 117, 'add_historicalchange'),
	(467, 'Can change historical change', 117, 'change_historicalchange'),
	(468, 'Can delete historical change', 117, 'delete_historicalchange'),
	(469, 'Can view historical change', 117, 'view_historicalchange'),
	(470, 'Can add HistoricalChange_caused_incidents', 118, 'add_historicalchange_caused_incidents'),
	(471, 'Can change HistoricalChange_caused_incidents', 118, 'change_historicalchange_caused_incidents'),
	(472, 'Can delete HistoricalChange_caused_incidents', 118, 'delete_historicalchange_caused_incidents'),
	(473, 'Can view HistoricalChange_caused_incidents', 118, 'view_historicalchange_caused_incidents'),
	(474, 'Can add HistoricalChange_cis', 119, 'add_historicalchange_cis'),
	(475, 'Can change HistoricalChange_cis', 119, 'change_historicalchange_cis'),
	(476, 'Can delete HistoricalChange_cis', 119, 'delete_historicalchange_cis'),
	(477, 'Can view HistoricalChange_cis', 119, 'view_historicalchange_cis'),
	(478, 'Can add HistoricalChange_incidents', 120, 'add_historicalchange_incidents'),
	(479, 'Can change HistoricalChange_incidents', 120, 'change_historicalchange_incidents'),
	(480, 'Can delete HistoricalChange_incidents', 120, 'delete_historicalchange_incidents'),
	(481, 'Can view HistoricalChange_incidents', 120, 'view_historicalchange_incidents'),
	(482, 'Can add HistoricalChange_problems', 121, 'add_historicalchange_problems'),
	(483, 'Can change HistoricalChange_problems', 121, 'change_historicalchange_problems'),
	(484, 'Can delete HistoricalChange_problems', 121, 'delete_historicalchange_problems'),
	(485, 'Can view HistoricalChange_problems', 121, 'view_historicalchange_problems'),
	(486, 'Can add HistoricalChange_services', 122, 'add_historicalchange_services'),
	(487, 'Can change HistoricalChange_services', 122, 'change_historicalchange_services'),
	(488, 'Can delete HistoricalChange_services', 122, 'delete_historicalchange_services'),
	(489, 'Can view HistoricalChange_services', 122, 'view_historicalchange_services'),
	(490, 'Can add historical change model', 123, 'add_historicalchangemodel'),
	(491, 'Can change historical change model', 123, 'change_historicalchangemodel'),
	(492, 'Can delete historical change model', 123, 'delete_historicalchangemodel'),
	(493, 'Can view historical change model', 123, 'view_historicalchangemodel'),
	(494, 'Can add HistoricalChangeModel_services', 124, 'add_historicalchangemodel_services'),
	(495, 'Can change HistoricalChangeModel_services', 124, 'change_historicalchangemodel_services'),
	(496, 'Can delete HistoricalChangeModel_services', 124, 'delete_historicalchangemodel_services'),
	(497, 'Can view HistoricalChangeModel_services', 124, 'view_historicalchangemodel_services'),
	(498, 'Can add historical vote', 125, 'add_historicalvote'),
	(499, 'Can change historical vote', 125, 'change_historicalvote'),
	(500, 'Can delete historical vote', 125, 'delete_historicalvote'),
	(501, 'Can view historical vote', 125, 'view_historicalvote'),
	(502, 'Can add vote', 126, 'add_vote'),
	(503, 'Can change vote', 126, 'change_vote'),
	(504, 'Can delete vote', 126, 'delete_vote'),
	(505, 'Can view vote', 126, 'view_vote'),
	(506, 'Can add change policy', 127, 'add_changepolicy'),
	(507, 'Can change change policy', 127, 'change_changepolicy'),
	(508, 'Can delete change policy', 127, 'delete_changepolicy'),
	(509, 'Can view change policy', 127, 'view_changepolicy'),
	(510, 'Can add change proposal', 128, 'add_changeproposal'),
	(511, 'Can change change proposal', 128, 'change_changeproposal'),
	(512, 'Can delete change proposal', 128, 'delete_changeproposal'),
	(513, 'Can view change proposal', 128, 'view_changeproposal'),
	(514, 'Can add evaluation report', 129, 'add_evaluationreport'),
	(515, 'Can change evaluation report', 129, 'change_evaluationreport'),
	(516, 'Can delete evaluation report', 129, 'delete_evaluationreport'),
	(517, 'Can view evaluation report', 129, 'view_evaluationreport'),
	(518, 'Can add historical change ci update', 130, 'add_historicalchangeciupdate'),
	(519, 'Can change historical change ci update', 130, 'change_historicalchangeciupdate'),
	(520, 'Can delete historical change ci update', 130, 'delete_historicalchangeciupdate'),
	(521, 'Can view historical change ci update', 130, 'view_historicalchangeciupdate'),
	(522, 'Can add historical change policy', 131, 'add_historicalchangepolicy'),
	(523, 'Can change historical change policy', 131, 'change_historicalchangepolicy'),
	(524, 'Can delete historical change policy', 131, 'delete_historicalchangepolicy'),
	(525, 'Can view historical change policy', 131, 'view_historicalchangepolicy'),
	(526, 'Can add HistoricalChangePolicy_cis', 132, 'add_historicalchangepolicy_cis'),
	(527, 'Can change HistoricalChangePolicy_cis', 132, 'change_historicalchangepolicy_cis'),
	(528, 'Can delete HistoricalChangePolicy_cis', 132, 'delete_historicalchangepolicy_cis'),
	(529, 'Can view HistoricalChangePolicy_cis', 132, 'view_historicalchangepolicy_cis'),
	(530, 'Can add HistoricalChangePolicy_services', 133, 'add_historicalchangepolicy_services'),
	(531, 'Can change HistoricalChangePolicy_services', 133, 'change_historicalchangepolicy_services'),
	(532, 'Can delete HistoricalChangePolicy_services', 133, 'delete_historicalchangepolicy_services'),
	(533, 'Can view HistoricalChangePolicy_services', 133, 'view_historicalchangepolicy_services'),
	(534, 'Can add historical change proposal', 134, 'add_historicalchangeproposal'),
	(535, 'Can change historical change proposal', 134, 'change_historicalchangeproposal'),
	(536, 'Can delete historical change proposal', 134, 'delete_historicalchangeproposal'),
	(537, 'Can view historical change proposal', 134, 'view_historicalchangeproposal'),
	(538, 'Can add HistoricalChangeProposal_services', 135, 'add_historicalchangeproposal_services'),
	(539, 'Can change HistoricalChangeProposal_services', 135, 'change_historicalchangeproposal_services'),
	(540, 'Can delete HistoricalChangeProposal_services', 135, 'delete_historicalchangeproposal_services'),
	(541, 'Can view HistoricalChangeProposal_services', 135, 'view_historicalchangeproposal_services'),
	(542, 'Can add historical evaluation report', 136, 'add_historicalevaluationreport'),
	(543, 'Can change historical evaluation report', 136, 'change_historicalevaluationreport'),
	(544, 'Can delete historical evaluation report', 136, 'delete_historicalevaluationreport'),
	(545, 'Can view historical evaluation report', 136, 'view_historicalevaluationreport'),
	(546, 'Can add historical raci assignment', 137, 'add_historicalraciassignment'),
	(547, 'Can change historical raci assignment', 137, 'change_historicalraciassignment'),
	(548, 'Can delete historical raci assignment', 137, 'delete_historicalraciassignment'),
	(549, 'Can view historical raci assignment', 137, 'view_historicalraciassignment'),
	(550, 'Can add historical release', 138, 'add_historicalrelease'),
	(551, 'Can change historical release', 138, 'change_historicalrelease'),
	(552, 'Can delete historical release', 138, 'delete_historicalrelease'),
	(553, 'Can view historical release', 138, 'view_historicalrelease'),
	(554, 'Can add release', 139, 'add_release'),
	(555, 'Can change release', 139, 'change_release'),
	(556, 'Can delete release', 139, 'delete_release'),
	(557, 'Can view release', 139, 'view_release'),
	(558, 'Can add change ci update', 140, 'add_changeciupdate'),
	(559, 'Can change change ci update', 140, 'change_changeciupdate'),
	(560, 'Can delete change ci update', 140, 'delete_changeciupdate'),
	(561, 'Can view change ci update', 140, 'view_changeciupdate'),
	(562, 'Can add raci assignment', 141, 'add_raciassignment'),
	(563, 'Can change raci assignment', 141, 'change_raciassignment'),
	(564, 'Can delete raci assignment', 141, 'delete_raciassignment'),
	(565, 'Can view raci assignment', 141, 'view_raciassignment'),
	(566, 'Can add catalog item', 142, 'add_catalogitem'),
	(567, 'Can change catalog item', 142, 'change_catalogitem'),
	(568, 'Can delete catalog item', 142, 'delete_catalogitem'),
	(569, 'Can view catalog item', 142, 'view_catalogitem'),
	(570, 'Can add historical catalog item', 143, 'add_historicalcatalogitem'),
	(571, 'Can change historical catalog item', 143, 'change_historicalcatalogitem'),
	(572, 'Can delete historical catalog item', 143, 'delete_historicalcatalogitem'),
	(573, 'Can view historical catalog item', 143, 'view_historicalcatalogitem'),
	(574, 'Can add HistoricalCatalogItem_teams', 144, 'add_historicalcatalogitem_teams'),
	(575, 'Can change HistoricalCatalogItem_teams', 144, 'change_historicalcatalogitem_teams'),
	(576, 'Can delete HistoricalCatalogItem_teams', 144, 'delete_historicalcatalogitem_teams'),
	(577, 'Can view HistoricalCatalogItem_teams', 144, 'view_historicalcatalogitem_teams'),
	(578, 'Can add historical service request', 145, 'add_historicalservicerequest'),
	(579, 'Can change historical service request', 145, 'change_historicalservicerequest'),
	(580, 'Can delete historical service request', 145, 'delete_historicalservicerequest'),
	(581, 'Can view historical service request', 145, 'view_historicalservicerequest'),
	(582, 'Can add service request', 146, 'add_servicerequest'),
	(583, 'Can change service request', 146, 'change_servicerequest'),
	(584, 'Can delete service request', 146, 'delete_servicerequest'),
	(585, 'Can view service request', 146, 'view_servicerequest'),
	(586, 'Can add request comment', 147, 'add_requestcomment'),
	(587, 'Can change request comment', 147, 'change_requestcomment'),
	(588, 'Can delete request comment', 147, 'delete_requestcomment'),
	(589, 'Can view request comment', 147, 'view_requestcomment'),
	(590, 'Can add historical fulfilment task', 148, 'add_historicalfulfilmenttask'),
	(591, 'Can change historical fulfilment task', 148, 'change_historicalfulfilmenttask'),
	(592, 'Can delete historical fulfilment task', 148, 'delete_historicalfulfilmenttask'),
	(593, 'Can view historical fulfilment task', 148, 'view_historicalfulfilmenttask'),
	(594, 'Can add historical approval', 149, 'add_historicalapproval'),
	(595, 'Can change historical approval', 149, 'change_historicalapproval'),
	(596, 'Can delete historical approval', 149, 'delete_historicalapproval'),
	(597, 'Can view historical approval', 149, 'view_historicalapproval'),
	(598, 'Can add fulfilment task', 150, 'add_fulfilmenttask'),
	(599, 'Can change fulfilment task', 150, 'change_fulfilmenttask'),
	(600, 'Can delete fulfilment task', 150, 'delete_fulfilmenttask'),
	(601, 'Can view fulfilment task', 150, 'view_fulfilmenttask'),
	(602, 'Can add approval', 151, 'add_approval'),
	(603, 'Can change approval', 151, 'change_approval'),
	(604, 'Can delete approval', 151, 'delete_approval'),
	(605, 'Can view approval', 151, 'view_approval'),
	(606, 'Can add historical mailbox', 152, 'add_historicalmailbox'),
	(607, 'Can change historical mailbox', 152, 'change_historicalmailbox'),
	(608, 'Can delete historical mailbox', 152, 'delete_historicalmailbox'),
	(609, 'Can view historical mailbox', 152, 'view_historicalmailbox'),
	(610, 'Can add mailbox', 153, 'add_mailbox'),
	(611, 'Can change mailbox', 153, 'change_mailbox'),
	(612, 'Can delete mailbox', 153, 'delete_mailbox'),
	(613, 'Can view mailbox', 153, 'view_mailbox'),
	(614, 'Can add email message', 154, 'add_mailmessage'),
	(615, 'Can change email message', 154, 'change_mailmessage'),
	(616, 'Can delete email message', 154, 'delete_mailmessage'),
	(617, 'Can view email message', 154, 'view_mailmessage'),
	(618, 'Can add alert source', 155, 'add_alertsource'),
	(619, 'Can change alert source', 155, 'change_alertsource'),
	(620, 'Can delete alert source', 155, 'delete_alertsource'),
	(621, 'Can view alert source', 155, 'view_alertsource'),
	(622, 'Can add alert rule', 156, 'add_alertrule'),
	(623, 'Can change alert rule', 156, 'change_alertrule'),
	(624, 'Can delete alert rule', 156, 'delete_alertrule'),
	(625, 'Can view alert rule', 156, 'view_alertrule'),
	(626, 'Can add historical alert rule', 157, 'add_historicalalertrule'),
	(627, 'Can change historical alert rule', 157, 'change_historicalalertrule'),
	(628, 'Can delete historical alert rule', 157, 'delete_historicalalertrule'),
	(629, 'Can view historical alert rule', 157, 'view_historicalalertrule'),
	(630, 'Can add historical alert source', 158, 'add_historicalalertsource'),
	(631, 'Can change historical alert source', 158, 'change_historicalalertsource'),
	(632, 'Can delete historical alert source', 158, 'delete_historicalalertsource'),
	(633, 'Can view historical alert source', 158, 'view_historicalalertsource'),
	(634, 'Can add alert', 159, 'add_alert'),
	(635, 'Can change alert', 159, 'change_alert'),
	(636, 'Can delete alert', 159, 'delete_alert'),
	(637, 'Can view alert', 159, 'view_alert'),
	(638, 'Can add announcement', 160, 'add_announcement'),
	(639, 'Can change announcement', 160, 'change_announcement'),
	(640, 'Can delete announcement', 160, 'delete_announcement'),
	(641, 'Can view announcement', 160, 'view_announcement'),
	(642, 'Can add historical announcement', 161, 'add_historicalannouncement'),
	(643, 'Can change historical announcement', 161, 'change_historicalannouncement'),
	(644, 'Can delete historical announcement', 161, 'delete_historicalannouncement'),
	(645, 'Can view historical announcement', 161, 'view_historicalannouncement'),
	(646, 'Can add HistoricalAnnouncement_services', 162, 'add_historicalannouncement_services'),
	(647, 'Can change HistoricalAnnouncement_services', 162, 'change_historicalannouncement_services'),
	(648, 'Can delete HistoricalAnnouncement_services', 162, 'delete_historicalannouncement_services'),
	(649, 'Can view HistoricalAnnouncement_services', 162, 'view_historicalannouncement_services'),
	(650, 'Can add historical line', 163, 'add_historicalline'),
	(651, 'Can change historical line', 163, 'change_historicalline'),
	(652, 'Can delete historical line', 163, 'delete_historicalline'),
	(653, 'Can view historical line', 163, 'view_historicalline'),
	(654, 'Can add line', 164, 'add_line'),
	(655, 'Can change line', 164, 'change_line'),
	(656, 'Can delete line', 164, 'delete_line'),
	(657, 'Can view line', 164, 'view_line'),
	(658, 'Can add HistoricalAnnouncement_lines', 165, 'add_historicalannouncement_lines'),
	(659, 'Can change HistoricalAnnouncement_lines', 165, 'change_historicalannouncement_lines'),
	(660, 'Can delete HistoricalAnnouncement_lines', 165, 'delete_historicalannouncement_lines'),
	(661, 'Can view HistoricalAnnouncement_lines', 165, 'view_historicalannouncement_lines'),
	(662, 'Can add call', 166, 'add_call'),
	(663, 'Can change call', 166, 'change_call'),
	(664, 'Can delete call', 166, 'delete_call'),
	(665, 'Can view call', 166, 'view_call'),
	(666, 'Can add call event', 167, 'add_callevent'),
	(667, 'Can change call event', 167, 'change_callevent'),
	(668, 'Can delete call event', 167, 'delete_callevent'),
	(669, 'Can view call event', 167, 'view_callevent'),
	(670, 'Can add callback', 168, 'add_callback'),
	(671, 'Can change callback', 168, 'change_callback'),
	(672, 'Can delete callback', 168, 'delete_callback'),
	(673, 'Can view callback', 168, 'view_callback'),
	(674, 'Can add historical callback', 169, 'add_historicalcallback'),
	(675, 'Can change historical callback', 169, 'change_historicalcallback'),
	(676, 'Can delete historical callback', 169, 'delete_historicalcallback'),
	(677, 'Can view historical callback', 169, 'view_historicalcallback'),
	(678, 'Can add telephony request', 170, 'add_telephonyrequest'),
	(679, 'Can change telephony request', 170, 'change_telephonyrequest'),
	(680, 'Can delete telephony request', 170, 'delete_telephonyrequest'),
	(681, 'Can view telephony request', 170, 'view_telephonyrequest'),
	(682, 'Can add agent state', 171, 'add_agentstate'),
	(683, 'Can change agent state', 171, 'change_agentstate'),
	(684, 'Can delete agent state', 171, 'delete_agentstate'),
	(685, 'Can view agent state', 171, 'view_agentstate'),
	(686, 'Can add agent state log', 172, 'add_agentstatelog'),
	(687, 'Can change agent state log', 172, 'change_agentstatelog'),
	(688, 'Can delete agent state log', 172, 'delete_agentstatelog'),
	(689, 'Can view agent state log', 172, 'view_agentstatelog'),
	(690, 'Can add historical queue', 173, 'add_historicalqueue'),
	(691, 'Can change historical queue', 173, 'change_historicalqueue'),
	(692, 'Can delete historical queue', 173, 'delete_historicalqueue'),
	(693, 'Can view historical queue', 173, 'view_historicalqueue'),
	(695, 'Can change queue', 174, 'change_queue'),
	(696, 'Can delete queue', 174, 'delete_queue'),
	(697, 'Can view queue', 174, 'view_queue'),
	(698, 'Can add menu option', 175, 'add_menuoption'),
	(699, 'Can change menu option', 175, 'change_menuoption'),
	(700, 'Can delete menu option', 175, 'delete_menuoption'),
	(701, 'Can view menu option', 175, 'view_menuoption'),
	(702, 'Can add historical menu option', 176, 'add_historicalmenuoption'),
	(703, 'Can change historical menu option', 176, 'change_historicalmenuoption'),
	(704, 'Can delete historical menu option', 176, 'delete_historicalmenuoption'),
	(705, 'Can view historical menu option', 176, 'view_historicalmenuoption'),
	(706, 'Can add call transfer', 177, 'add_calltransfer'),
	(707, 'Can change call transfer', 177, 'change_calltransfer'),
	(708, 'Can delete call transfer', 177, 'delete_calltransfer'),
	(709, 'Can view call transfer', 177, 'view_calltransfer'),
	(710, 'Can add evaluation form', 178, 'add_evaluationform'),
	(711, 'Can change evaluation form', 178, 'change_evaluationform'),
	(712, 'Can delete evaluation form', 178, 'delete_evaluationform'),
	(713, 'Can view evaluation form', 178, 'view_evaluationform'),
	(714, 'Can add evaluation', 179, 'add_evaluation'),
	(715, 'Can change evaluation', 179, 'change_evaluation'),
	(716, 'Can delete evaluation', 179, 'delete_evaluation'),
	(717, 'Can view evaluation', 179, 'view_evaluation'),
	(718, 'Can add evaluation question', 180, 'add_evaluationquestion'),
	(719, 'Can change evaluation question', 180, 'change_evaluationquestion'),
	(720, 'Can delete evaluation question', 180, 'delete_evaluationquestion'),
	(721, 'Can view evaluation question', 180, 'view_evaluationquestion'),
	(722, 'Can add evaluation answer', 181, 'add_evaluationanswer'),
	(723, 'Can change evaluation answer', 181, 'change_evaluationanswer'),
	(724, 'Can delete evaluation answer', 181, 'delete_evaluationanswer'),
	(725, 'Can view evaluation answer', 181, 'view_evaluationanswer'),
	(726, 'Can add historical call recording', 182, 'add_historicalcallrecording'),
	(727, 'Can change historical call recording', 182, 'change_historicalcallrecording'),
	(728, 'Can delete historical call recording', 182, 'delete_historicalcallrecording'),
	(729, 'Can view historical call recording', 182, 'view_historicalcallrecording'),
	(730, 'Can add historical evaluation', 183, 'add_historicalevaluation'),
	(731, 'Can change historical evaluation', 183, 'change_historicalevaluation'),
	(732, 'Can delete historical evaluation', 183, 'delete_historicalevaluation'),
	(733, 'Can view historical evaluation', 183, 'view_historicalevaluation'),
	(734, 'Can add historical evaluation answer', 184, 'add_historicalevaluationanswer'),
	(735, 'Can change historical evaluation answer', 184, 'change_historicalevaluationanswer'),
	(736, 'Can delete historical evaluation answer', 184, 'delete_historicalevaluationanswer'),
	(737, 'Can view historical evaluation answer', 184, 'view_historicalevaluationanswer'),
	(738, 'Can add historical evaluation form', 185, 'add_historicalevaluationform'),
	(739, 'Can change historical evaluation form', 185, 'change_historicalevaluationform'),
	(740, 'Can delete historical evaluation form', 185, 'delete_historicalevaluationform'),
	(741, 'Can view historical evaluation form', 185, 'view_historicalevaluationform'),
	(742, 'Can add historical evaluation question', 186, 'add_historicalevaluationquestion'),
	(743, 'Can change historical evaluation question', 186, 'change_historicalevaluationquestion'),
	(744, 'Can delete historical evaluation question', 186, 'delete_historicalevaluationquestion'),
	(745, 'Can view historical evaluation question', 186, 'view_historicalevaluationquestion'),
	(746, 'Can add historical prompt recording', 187, 'add_historicalpromptrecording'),
	(747, 'Can change historical prompt recording', 187, 'change_historicalpromptrecording'),
	(748, 'Can delete historical prompt recording', 187, 'delete_historicalpromptrecording'),
	(749, 'Can view historical prompt recording', 187, 'view_historicalpromptrecording'),
	(750, 'Can add prompt recording', 188, 'add_promptrecording'),
	(751, 'Can change prompt recording', 188, 'change_promptrecording'),
	(752, 'Can delete prompt recording', 188, 'delete_promptrecording'),
	(753, 'Can view prompt recording', 188, 'view_promptrecording'),
	(754, 'Can add historical prompt recording session', 189, 'add_historicalpromptrecordingsession'),
	(755, 'Can change historical prompt recording session', 189, 'change_historicalpromptrecordingsession'),
	(756, 'Can delete historical prompt recording session', 189, 'delete_historicalpromptrecordingsession'),
	(757, 'Can view historical prompt recording session', 189, 'view_historicalpromptrecordingsession'),
	(758, 'Can add prompt recording session', 190, 'add_promptrecordingsession'),
	(759, 'Can change prompt recording session', 190, 'change_promptrecordingsession'),
	(760, 'Can delete prompt recording session', 190, 'delete_promptrecordingsession'),
	(761, 'Can view prompt recording session', 190, 'view_promptrecordingsession'),
	(762, 'Can add call recording', 191, 'add_callrecording'),
	(763, 'Can change call recording', 191, 'change_callrecording'),
	(764, 'Can delete call recording', 191, 'delete_callrecording'),
	(765, 'Can view call recording', 191, 'view_callrecording'),
	(766, 'Can add dial list', 192, 'add_diallist'),
	(767, 'Can change dial list', 192, 'change_diallist'),
	(768, 'Can delete dial list', 192, 'delete_diallist'),
	(769, 'Can view dial list', 192, 'view_diallist'),
	(770, 'Can add dial list entry', 193, 'add_diallistentry'),
	(771, 'Can change dial list entry', 193, 'change_diallistentry'),
	(772, 'Can delete dial list entry', 193, 'delete_diallistentry'),
	(773, 'Can view dial list entry', 193, 'view_diallistentry'),
	(774, 'Can add historical dial list', 194, 'add_historicaldiallist'),
	(775, 'Can change historical dial list', 194, 'change_historicaldiallist'),
	(776, 'Can delete historical dial list', 194, 'delete_historicaldiallist'),
	(777, 'Can view historical dial list', 194, 'view_historicaldiallist'),
	(778, 'Can add historical dial list entry', 195, 'add_historicaldiallistentry'),
	(779, 'Can change historical dial list entry', 195, 'change_historicaldiallistentry'),
	(780, 'Can delete historical dial list entry', 195, 'delete_historicaldiallistentry'),
	(781, 'Can view historical dial list entry', 195, 'view_historicaldiallistentry'),
	(782, 'Can add conference', 196, 'add_conference'),
	(783, 'Can change conference', 196, 'change_conference'),
	(784, 'Can delete conference', 196, 'delete_conference'),
	(785, 'Can view conference', 196, 'view_conference'),
	(786, 'Can add conference leg', 197, 'add_conferenceleg'),
	(787, 'Can change conference leg', 197, 'change_conferenceleg'),
	(788, 'Can delete conference leg', 197, 'delete_conferenceleg'),
	(789, 'Can view conference leg', 197, 'view_conferenceleg'),
	(790, 'Can add historical conference', 198, 'add_historicalconference'),
	(791, 'Can change historical conference', 198, 'change_historicalconference'),
	(792, 'Can delete historical conference', 198, 'delete_historicalconference'),
	(793, 'Can view historical conference', 198, 'view_historicalconference'),
	(794, 'Can add historical conference event', 199, 'add_historicalconferenceevent'),
	(795, 'Can change historical conference event', 199, 'change_historicalconferenceevent'),
	(796, 'Can delete historical conference event', 199, 'delete_historicalconferenceevent'),
	(797, 'Can view historical conference event', 199, 'view_historicalconferenceevent'),
	(798, 'Can add historical conference leg', 200, 'add_historicalconferenceleg'),
	(799, 'Can change historical conference leg', 200, 'change_historicalconferenceleg'),
	(800, 'Can delete historical conference leg', 200, 'delete_historicalconferenceleg'),
	(801, 'Can view historical conference leg', 200, 'view_historicalconferenceleg'),
	(802, 'Can add historical supervision action', 201, 'add_historicalsupervisionaction'),
	(803, 'Can change historical supervision action', 201, 'change_historicalsupervisionaction'),
	(804, 'Can delete historical supervision action', 201, 'delete_historicalsupervisionaction'),
	(805, 'Can view historical supervision action', 201, 'view_historicalsupervisionaction'),
	(806, 'Can add supervision action', 202, 'add_supervisionaction'),
	(807, 'Can change supervision action', 202, 'change_supervisionaction'),
	(808, 'Can delete supervision action', 202, 'delete_supervisionaction'),
	(809, 'Can view supervision action', 202, 'view_supervisionaction'),
	(810, 'Can add conference event', 203, 'add_conferenceevent'),
	(811, 'Can change conference event', 203, 'change_conferenceevent'),
	(812, 'Can delete conference event', 203, 'delete_conferenceevent'),
	(813, 'Can view conference event', 203, 'view_conferenceevent'),
	(814, 'Can add provider', 204, 'add_provider'),
	(815, 'Can change provider', 204, 'change_provider'),
	(816, 'Can delete provider', 204, 'delete_provider'),
	(817, 'Can view provider', 204, 'view_provider'),
	(818, 'Can add historical provider', 205, 'add_historicalprovider'),
	(819, 'Can change historical provider', 205, 'change_historicalprovider'),
	(820, 'Can delete historical provider', 205, 'delete_historicalprovider'),
	(821, 'Can view historical provider', 205, 'view_historicalprovider'),
	(822, 'Can add historical team provider', 206, 'add_historicalteamprovider'),
	(823, 'Can change historical team provider', 206, 'change_historicalteamprovider'),
	(824, 'Can delete historical team provider', 206, 'delete_historicalteamprovider'),
	(825, 'Can view historical team provider', 206, 'view_historicalteamprovider'),
	(826, 'Can add team provider', 207, 'add_teamprovider'),
	(827, 'Can change team provider', 207, 'change_teamprovider'),
	(828, 'Can delete team provider', 207, 'delete_teamprovider'),
	(829, 'Can view team provider', 207, 'view_teamprovider'),
	(830, 'Can add historical temporary agent', 208, 'add_historicaltemporaryagent'),
	(831, 'Can change historical temporary agent', 208, 'change_historicaltemporaryagent'),
	(832, 'Can delete historical temporary agent', 208, 'delete_historicaltemporaryagent'),
	(833, 'Can view historical temporary agent', 208, 'view_historicaltemporaryagent'),
	(834, 'Can add temporary agent', 209, 'add_temporaryagent'),
	(835, 'Can change temporary agent', 209, 'change_temporaryagent'),
	(836, 'Can delete temporary agent', 209, 'delete_temporaryagent'),
	(837, 'Can view temporary agent', 209, 'view_temporaryagent'),
	(838, 'Can add HistoricalTemporaryAgent_queues', 210, 'add_historicaltemporaryagent_queues'),
	(839, 'Can change HistoricalTemporaryAgent_queues', 210, 'change_historicaltemporaryagent_queues'),
	(840, 'Can delete HistoricalTemporaryAgent_queues', 210, 'delete_historicaltemporaryagent_queues'),
	(841, 'Can view HistoricalTemporaryAgent_queues', 210, 'view_historicaltemporaryagent_queues'),
	(842, 'Can add historical opportunity', 211, 'add_historicalopportunity'),
	(843, 'Can change historical opportunity', 211, 'change_historicalopportunity'),
	(844, 'Can delete historical opportunity', 211, 'delete_historicalopportunity'),
	(845, 'Can view historical opportunity', 211, 'view_historicalopportunity'),
	(846, 'Can add opportunity', 212, 'add_opportunity'),
	(847, 'Can change opportunity', 212, 'change_opportunity'),
	(848, 'Can delete opportunity', 212, 'delete_opportunity'),
	(849, 'Can view opportunity', 212, 'view_opportunity'),
	(850, 'Can add historical complaint', 213, 'add_historicalcomplaint'),
	(851, 'Can change historical complaint', 213, 'change_historicalcomplaint'),
	(852, 'Can delete historical complaint', 213, 'delete_historicalcomplaint'),
	(853, 'Can view historical complaint', 213, 'view_historicalcomplaint'),
	(854, 'Can add complaint', 214, 'add_complaint'),
	(855, 'Can change complaint', 214, 'change_complaint'),
	(856, 'Can delete complaint', 214, 'delete_complaint'),
	(857, 'Can view complaint', 214, 'view_complaint'),
	(858, 'Can add survey', 215, 'add_survey'),
	(859, 'Can change survey', 215, 'change_survey'),
	(860, 'Can delete survey', 215, 'delete_survey'),
	(861, 'Can view survey', 215, 'view_survey'),
	(862, 'Can add article', 216, 'add_article'),
	(863, 'Can change article', 216, 'change_article'),
	(864, 'Can delete article', 216, 'delete_article'),
	(865, 'Can view article', 216, 'view_article'),
	(866, 'Can add article feedback', 217, 'add_articlefeedback'),
	(867, 'Can change article feedback', 217, 'change_articlefeedback'),
	(868, 'Can delete article feedback', 217, 'delete_articlefeedback'),
	(869, 'Can view article feedback', 217, 'view_articlefeedback'),
	(870, 'Can add article image', 218, 'add_articleimage'),
	(871, 'Can change article image', 218, 'change_articleimage'),
	(872, 'Can delete article image', 218, 'delete_articleimage'),
	(873, 'Can view article image', 218, 'view_articleimage'),
	(874, 'Can add article version', 219, 'add_articleversion'),
	(875, 'Can change article version', 219, 'change_articleversion'),
	(876, 'Can delete article version', 219, 'delete_articleversion'),
	(877, 'Can view article version', 219, 'view_articleversion'),
	(878, 'Can add historical article', 220, 'add_historicalarticle'),
	(879, 'Can change historical article', 220, 'change_historicalarticle'),
	(880, 'Can delete historical article', 220, 'delete_historicalarticle'),
	(881, 'Can view historical article', 220, 'view_historicalarticle'),
	(882, 'Can add HistoricalArticle_services', 221, 'add_historicalarticle_services'),
	(883, 'Can change HistoricalArticle_services', 221, 'change_historicalarticle_services'),
	(884, 'Can delete HistoricalArticle_services', 221, 'delete_historicalarticle_services'),
	(885, 'Can view HistoricalArticle_services', 221, 'view_historicalarticle_services'),
	(886, 'Can add search miss', 222, 'add_searchmiss'),
	(887, 'Can change search miss', 222, 'change_searchmiss'),
	(888, 'Can delete search miss', 222, 'delete_searchmiss'),
	(889, 'Can view search miss', 222, 'view_searchmiss'),
	(890, 'Can add agent interval', 223, 'add_agentinterval'),
	(891, 'Can change agent interval', 223, 'change_agentinterval'),
	(892, 'Can delete agent interval', 223, 'delete_agentinterval'),
	(893, 'Can view agent interval', 223, 'view_agentinterval'),
	(894, 'Can add call interval', 224, 'add_callinterval'),
	(895, 'Can change call interval', 224, 'change_callinterval'),
	(896, 'Can delete call interval', 224, 'delete_callinterval'),
	(897, 'Can view call interval', 224, 'view_callinterval'),
	(898, 'Can add desk daily', 225, 'add_deskdaily'),
	(899, 'Can change desk daily', 225, 'change_deskdaily'),
	(900, 'Can delete desk daily', 225, 'delete_deskdaily'),
	(901, 'Can view desk daily', 225, 'view_deskdaily'),
	(902, 'Can add incident daily', 226, 'add_incidentdaily'),
	(903, 'Can change incident daily', 226, 'change_incidentdaily'),
	(904, 'Can delete incident daily', 226, 'delete_incidentdaily'),
	(905, 'Can view incident daily', 226, 'view_incidentdaily'),
	(906, 'Can add agent daily', 227, 'add_agentdaily'),
	(907, 'Can change agent daily', 227, 'change_agentdaily'),
	(908, 'Can delete agent daily', 227, 'delete_agentdaily'),
	(909, 'Can view agent daily', 227, 'view_agentdaily'),
	(910, 'Can add call daily', 228, 'add_calldaily'),
	(911, 'Can change call daily', 228, 'change_calldaily'),
	(912, 'Can delete call daily', 228, 'delete_calldaily'),
	(913, 'Can view call daily', 228, 'view_calldaily'),
	(914, 'Can add arrival hour', 229, 'add_arrivalhour'),
	(915, 'Can change arrival hour', 229, 'change_arrivalhour'),
	(916, 'Can delete arrival hour', 229, 'delete_arrivalhour'),
	(917, 'Can view arrival hour', 229, 'view_arrivalhour'),
	(918, 'Can add demo ticket', 230, 'add_demoticket'),
	(919, 'Can change demo ticket', 230, 'change_demoticket'),
	(920, 'Can delete demo ticket', 230, 'delete_demoticket'),
	(921, 'Can view demo ticket', 230, 'view_demoticket');


--
-- Data for Name: auth_user; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_groups; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_user_permissions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: authtoken_token; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessattempt; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessattemptexpiration; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessfailurelog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accesslog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_agentprofile; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_agentprofile_skills; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_cannedreply; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_cirelation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_configurationitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_contact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_contactphone; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_customer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalagentprofile; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalagentprofile_skills; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalcannedreply; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalcirelation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalconfigurationitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalcontact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalcontactphone; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalcustomer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalservice; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalskill; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalteam; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicalteam_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_historicaluser; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_service; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_skill; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_team; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_team_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_team_skills; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_blackoutwindow; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_blackoutwindow_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_cabboard; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_cabboard_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_cabdecision; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_cabmeeting; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_cabmeeting_attendees; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_categorymatrix; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.changes_categorymatrix VALUES
	(1, 1, 1, 'significant'),
	(2, 2, 1, 'significant'),
	(3, 3, 1, 'major'),
	(4, 4, 1, 'major'),
	(5, 5, 1, 'major'),
	(6, 1, 2, 'minor'),
	(7, 2, 2, 'minor'),
	(8, 3, 2, 'significant'),
	(9, 4, 2, 'significant'),
	(10, 5, 2, 'major'),
	(11, 1, 3, 'minor'),
	(12, 2, 3, 'minor'),
	(13, 3, 3, 'minor'),
	(14, 4, 3, 'significant'),
	(15, 5, 3, 'significant');


--
-- Data for Name: changes_change; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_caused_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_outage_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_problems; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_change_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changeciupdate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changemodel; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changemodel_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changepolicy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changepolicy_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changepolicy_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changeproposal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changeproposal_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_changetask; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_evaluationreport; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalblackoutwindow; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalblackoutwindow_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalcabboard; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalcabboard_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalcabdecision; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalcabmeeting; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalcategorymatrix; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange_caused_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange_problems; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchange_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangeciupdate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangemodel; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangemodel_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangepolicy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangepolicy_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangepolicy_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangeproposal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalchangeproposal_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalevaluationreport; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalraciassignment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalrelease; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_historicalvote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_raciassignment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_release; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: changes_vote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_agentstate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_agentstatelog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_announcement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_announcement_lines; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_announcement_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_call; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_callback; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_callevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_callrecording; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_calltransfer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_conference; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_conferenceevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_conferenceleg; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_diallist; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_diallistentry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_evaluation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_evaluationanswer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_evaluationform; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_evaluationquestion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalannouncement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalannouncement_lines; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalannouncement_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalcallback; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalcallrecording; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalconference; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalconferenceevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalconferenceleg; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicaldiallist; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicaldiallistentry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalevaluation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalevaluationanswer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalevaluationform; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalevaluationquestion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalmenuoption; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalpromptrecording; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalpromptrecordingsession; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalprovider; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalqueue; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalsupervisionaction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicalteamprovider; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicaltemporaryagent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_historicaltemporaryagent_queues; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_line; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_menuoption; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_promptrecording; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_promptrecordingsession; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_provider; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_queue; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_supervisionaction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_teamprovider; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_telephonyrequest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_temporaryagent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contactcenter_temporaryagent_queues; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_historicalsavedview; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_savedview; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_complaint; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_complaint_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_historicalcomplaint; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_historicalopportunity; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_opportunity; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: crm_survey; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_admin_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_content_type; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_content_type VALUES
	(1, 'admin', 'logentry'),
	(2, 'auth', 'permission'),
	(3, 'auth', 'group'),
	(4, 'auth', 'user'),
	(5, 'contenttypes', 'contenttype'),
	(6, 'sessions', 'session'),
	(7, 'authtoken', 'token'),
	(8, 'authtoken', 'tokenproxy'),
	(9, 'axes', 'accessattempt'),
	(10, 'axes', 'accesslog'),
	(11, 'axes', 'accessfailurelog'),
	(12, 'axes', 'accessattemptexpiration'),
	(13, 'core', 'historicalsavedview'),
	(14, 'core', 'savedview'),
	(15, 'catalog', 'configurationitem'),
	(16, 'catalog', 'service'),
	(17, 'catalog', 'skill'),
	(18, 'catalog', 'agentprofile'),
	(19, 'catalog', 'contact'),
	(20, 'catalog', 'contactphone'),
	(21, 'catalog', 'customer'),
	(22, 'catalog', 'historicalagentprofile'),
	(23, 'catalog', 'historicalcirelation'),
	(24, 'catalog', 'historicalcontact'),
	(25, 'catalog', 'historicalcontactphone'),
	(26, 'catalog', 'historicalcustomer'),
	(27, 'catalog', 'historicalskill'),
	(28, 'catalog', 'historicalteam'),
	(29, 'catalog', 'historicaluser'),
	(30, 'catalog', 'historicalagentprofile_skills'),
	(31, 'catalog', 'team'),
	(32, 'catalog', 'historicalteam_members'),
	(33, 'catalog', 'historicalservice'),
	(34, 'catalog', 'historicalconfigurationitem'),
	(35, 'catalog', 'cirelation'),
	(36, 'catalog', 'historicalcannedreply'),
	(37, 'catalog', 'cannedreply'),
	(38, 'notifications', 'messagetemplate'),
	(39, 'notifications', 'smsmessage'),
	(40, 'notifications', 'delivery'),
	(41, 'notifications', 'historicalmessagetemplate'),
	(42, 'notifications', 'historicalstakeholdergroup'),
	(43, 'notifications', 'notification'),
	(44, 'notifications', 'stakeholdergroup'),
	(45, 'notifications', 'historicalstakeholdergroup_members'),
	(46, 'sla', 'businesscalendar'),
	(47, 'sla', 'historicalbusinesscalendar'),
	(48, 'sla', 'historicalholiday'),
	(49, 'sla', 'historicalserviceoutage'),
	(50, 'sla', 'historicalslapolicy'),
	(51, 'sla', 'historicalworkinghours'),
	(52, 'sla', 'slapolicy'),
	(53, 'sla', 'historicalescalationrule'),
	(54, 'sla', 'escalationrule'),
	(55, 'sla', 'slatimer'),
	(56, 'sla', 'slaevent'),
	(57, 'sla', 'slaescalation'),
	(58, 'sla', 'workinghours'),
	(59, 'sla', 'holiday'),
	(60, 'sla', 'serviceoutage'),
	(61, 'incidents', 'historicalprioritymatrix'),
	(62, 'incidents', 'incident'),
	(63, 'incidents', 'historicalincidentnote'),
	(64, 'incidents', 'historicalincident'),
	(65, 'incidents', 'incidentnote'),
	(66, 'incidents', 'historicalattachment'),
	(67, 'incidents', 'attachment'),
	(68, 'incidents', 'prioritymatrix'),
	(69, 'incidents', 'historicalmajorincident'),
	(70, 'incidents', 'historicalspikerule'),
	(71, 'incidents', 'majorincident'),
	(72, 'incidents', 'historicalstakeholderupdate'),
	(73, 'incidents', 'historicalpostmortem'),
	(74, 'incidents', 'historicalmajorincidenttask'),
	(75, 'incidents', 'historicalmajorincidentmember'),
	(76, 'incidents', 'majorincidentmember'),
	(77, 'incidents', 'majorincidenttask'),
	(78, 'incidents', 'postmortem'),
	(79, 'incidents', 'spikerule'),
	(80, 'incidents', 'spikealert'),
	(81, 'incidents', 'historicalspikealert'),
	(82, 'incidents', 'stakeholderupdate'),
	(83, 'incidents', 'timelineevent'),
	(84, 'incidents', 'demandsignal'),
	(85, 'statuspage', 'historicalscheduledmaintenance'),
	(86, 'statuspage', 'subscriber'),
	(87, 'statuspage', 'subscribernotice'),
	(88, 'statuspage', 'scheduledmaintenance'),
	(89, 'statuspage', 'maintenancenotice'),
	(90, 'problems', 'historicalknownerror'),
	(91, 'problems', 'historicalproblem'),
	(92, 'problems', 'knownerror'),
	(93, 'problems', 'historicalknownerror_services'),
	(94, 'problems', 'historicalknownerror_cis'),
	(95, 'problems', 'problem'),
	(96, 'problems', 'historicalproblemcandidate'),
	(97, 'problems', 'historicalproblem_services'),
	(98, 'problems', 'historicalproblem_incidents'),
	(99, 'problems', 'historicalproblem_cis'),
	(100, 'problems', 'problemcandidate'),
	(101, 'problems', 'workaroundapplication'),
	(102, 'changes', 'blackoutwindow'),
	(103, 'changes', 'cabboard'),
	(104, 'changes', 'cabmeeting'),
	(105, 'changes', 'categorymatrix'),
	(106, 'changes', 'change'),
	(107, 'changes', 'cabdecision'),
	(108, 'changes', 'changemodel'),
	(109, 'changes', 'changetask'),
	(110, 'changes', 'historicalblackoutwindow'),
	(111, 'changes', 'historicalblackoutwindow_services'),
	(112, 'changes', 'historicalcabboard'),
	(113, 'changes', 'historicalcabboard_members'),
	(114, 'changes', 'historicalcabdecision'),
	(115, 'changes', 'historicalcabmeeting'),
	(116, 'changes', 'historicalcategorymatrix'),
	(117, 'changes', 'historicalchange'),
	(118, 'changes', 'historicalchange_caused_incidents'),
	(119, 'changes', 'historicalchange_cis'),
	(120, 'changes', 'historicalchange_incidents'),
	(121, 'changes', 'historicalchange_problems'),
	(122, 'changes', 'historicalchange_services'),
	(123, 'changes', 'historicalchangemodel'),
	(124, 'changes', 'historicalchangemodel_services'),
	(125, 'changes', 'historicalvote'),
	(126, 'changes', 'vote'),
	(127, 'changes', 'changepolicy'),
	(128, 'changes', 'changeproposal'),
	(129, 'changes', 'evaluationreport'),
	(130, 'changes', 'historicalchangeciupdate'),
	(131, 'changes', 'historicalchangepolicy'),
	(132, 'changes', 'historicalchangepolicy_cis'),
	(133, 'changes', 'historicalchangepolicy_services'),
	(134, 'changes', 'historicalchangeproposal'),
	(135, 'changes', 'historicalchangeproposal_services'),
	(136, 'changes', 'historicalevaluationreport'),
	(137, 'changes', 'historicalraciassignment'),
	(138, 'changes', 'historicalrelease'),
	(139, 'changes', 'release'),
	(140, 'changes', 'changeciupdate'),
	(141, 'changes', 'raciassignment'),
	(142, 'requests', 'catalogitem'),
	(143, 'requests', 'historicalcatalogitem'),
	(144, 'requests', 'historicalcatalogitem_teams'),
	(145, 'requests', 'historicalservicerequest'),
	(146, 'requests', 'servicerequest'),
	(147, 'requests', 'requestcomment'),
	(148, 'requests', 'historicalfulfilmenttask'),
	(149, 'requests', 'historicalapproval'),
	(150, 'requests', 'fulfilmenttask'),
	(151, 'requests', 'approval'),
	(152, 'mail', 'historicalmailbox'),
	(153, 'mail', 'mailbox'),
	(154, 'mail', 'mailmessage'),
	(155, 'monitoring', 'alertsource'),
	(156, 'monitoring', 'alertrule'),
	(157, 'monitoring', 'historicalalertrule'),
	(158, 'monitoring', 'historicalalertsource'),
	(159, 'monitoring', 'alert'),
	(160, 'contactcenter', 'announcement'),
	(161, 'contactcenter', 'historicalannouncement'),
	(162, 'contactcenter', 'historicalannouncement_services'),
	(163, 'contactcenter', 'historicalline'),
	(164, 'contactcenter', 'line'),
	(165, 'contactcenter', 'historicalannouncement_lines'),
	(166, 'contactcenter', 'call'),
	(167, 'contactcenter', 'callevent'),
	(168, 'contactcenter', 'callback'),
	(169, 'contactcenter', 'historicalcallback'),
	(170, 'contactcenter', 'telephonyrequest'),
	(171, 'contactcenter', 'agentstate'),
	(172, 'contactcenter', 'agentstatelog'),
	(173, 'contactcenter', 'historicalqueue'),
	(174, 'contactcenter', 'queue'),
	(175, 'contactcenter', 'menuoption'),
	(176, 'contactcenter', 'historicalmenuoption'),
	(177, 'contactcenter', 'calltransfer'),
	(178, 'contactcenter', 'evaluationform'),
	(179, 'contactcenter', 'evaluation'),
	(180, 'contactcenter', 'evaluationquestion'),
	(181, 'contactcenter', 'evaluationanswer'),
	(182, 'contactcenter', 'historicalcallrecording'),
	(183, 'contactcenter', 'historicalevaluation'),
	(184, 'contactcenter', 'historicalevaluationanswer'),
	(185, 'contactcenter', 'historicalevaluationform'),
	(186, 'contactcenter', 'historicalevaluationquestion'),
	(187, 'contactcenter', 'historicalpromptrecording'),
	(188, 'contactcenter', 'promptrecording'),
	(189, 'contactcenter', 'historicalpromptrecordingsession'),
	(190, 'contactcenter', 'promptrecordingsession'),
	(191, 'contactcenter', 'callrecording'),
	(192, 'contactcenter', 'diallist'),
	(193, 'contactcenter', 'diallistentry'),
	(194, 'contactcenter', 'historicaldiallist'),
	(195, 'contactcenter', 'historicaldiallistentry'),
	(196, 'contactcenter', 'conference'),
	(197, 'contactcenter', 'conferenceleg'),
	(198, 'contactcenter', 'historicalconference'),
	(199, 'contactcenter', 'historicalconferenceevent'),
	(200, 'contactcenter', 'historicalconferenceleg'),
	(201, 'contactcenter', 'historicalsupervisionaction'),
	(202, 'contactcenter', 'supervisionaction'),
	(203, 'contactcenter', 'conferenceevent'),
	(204, 'contactcenter', 'provider'),
	(205, 'contactcenter', 'historicalprovider'),
	(206, 'contactcenter', 'historicalteamprovider'),
	(207, 'contactcenter', 'teamprovider'),
	(208, 'contactcenter', 'historicaltemporaryagent'),
	(209, 'contactcenter', 'temporaryagent'),
	(210, 'contactcenter', 'historicaltemporaryagent_queues'),
	(211, 'crm', 'historicalopportunity'),
	(212, 'crm', 'opportunity'),
	(213, 'crm', 'historicalcomplaint'),
	(214, 'crm', 'complaint'),
	(215, 'crm', 'survey'),
	(216, 'knowledge', 'article'),
	(217, 'knowledge', 'articlefeedback'),
	(218, 'knowledge', 'articleimage'),
	(219, 'knowledge', 'articleversion'),
	(220, 'knowledge', 'historicalarticle'),
	(221, 'knowledge', 'historicalarticle_services'),
	(222, 'knowledge', 'searchmiss'),
	(223, 'kpis', 'agentinterval'),
	(224, 'kpis', 'callinterval'),
	(225, 'kpis', 'deskdaily'),
	(226, 'kpis', 'incidentdaily'),
	(227, 'kpis', 'agentdaily'),
	(228, 'kpis', 'calldaily'),
	(229, 'kpis', 'arrivalhour'),
	(230, 'sla_ticketapp', 'demoticket');


--
-- Data for Name: django_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_migrations VALUES
	(1, 'contenttypes', '0001_initial', '2026-12-07 06:05:17.469979+00'),
	(2, 'auth', '0001_initial', '2026-12-07 06:05:17.512653+00'),
	(3, 'admin', '0001_initial', '2026-12-07 06:05:17.528078+00'),
	(4, 'admin', '0002_logentry_remove_auto_add', '2026-12-07 06:05:17.536285+00'),
	(5, 'admin', '0003_logentry_add_action_flag_choices', '2026-12-07 06:05:17.542269+00'),
	(6, 'contenttypes', '0002_remove_content_type_name', '2026-12-07 06:05:17.554834+00'),
	(7, 'auth', '0002_alter_permission_name_max_length', '2026-12-07 06:05:17.561635+00'),
	(8, 'auth', '0003_alter_user_email_max_length', '2026-12-07 06:05:17.568503+00'),
	(9, 'auth', '0004_alter_user_username_opts', '2026-12-07 06:05:17.574256+00'),
	(10, 'auth', '0005_alter_user_last_login_null', '2026-12-07 06:05:17.580731+00'),
	(11, 'auth', '0006_require_contenttypes_0002', '2026-12-07 06:05:17.581711+00'),
	(12, 'auth', '0007_alter_validators_add_error_messages', '2026-12-07 06:05:17.589948+00'),
	(13, 'auth', '0008_alter_user_username_max_length', '2026-12-07 06:05:17.599334+00'),
	(14, 'auth', '0009_alter_user_last_name_max_length', '2026-12-07 06:05:17.606625+00'),
	(15, 'auth', '0010_alter_group_name_max_length', '2026-12-07 06:05:17.613497+00'),
	(16, 'auth', '0011_update_proxy_permissions', '2026-12-07 06:05:17.619557+00'),
	(17, 'auth', '0012_alter_user_first_name_max_length', '2026-12-07 06:05:17.626112+00'),
	(18, 'authtoken', '0001_initial', '2026-12-07 06:05:17.637729+00'),
	(19, 'authtoken', '0002_auto_20160226_1747', '2026-12-07 06:05:17.661329+00'),
	(20, 'authtoken', '0003_tokenproxy', '2026-12-07 06:05:17.663376+00'),
	(21, 'authtoken', '0004_alter_tokenproxy_options', '2026-12-07 06:05:17.666716+00'),
	(22, 'axes', '0001_initial', '2026-12-07 06:05:17.676716+00'),
	(23, 'axes', '0002_auto_20151217_2044', '2026-12-07 06:05:17.697854+00'),
	(24, 'axes', '0003_auto_20160322_0929', '2026-12-07 06:05:17.70606+00'),
	(25, 'axes', '0004_auto_20181024_1538', '2026-12-07 06:05:17.714031+00'),
	(26, 'axes', '0005_remove_accessattempt_trusted', '2026-12-07 06:05:17.716901+00'),
	(27, 'axes', '0006_remove_accesslog_trusted', '2026-12-07 06:05:17.719513+00'),
	(28, 'axes', '0007_alter_accessattempt_unique_together', '2026-12-07 06:05:17.732786+00'),
	(29, 'axes', '0008_accessfailurelog', '2026-12-07 06:05:17.74302+00'),
	(30, 'axes', '0009_add_session_hash', '2026-12-07 06:05:17.746403+00'),
	(31, 'axes', '0010_accessattemptexpiration', '2026-12-07 06:05:17.752476+00'),
	(32, 'catalog', '0001_initial', '2026-12-07 06:05:18.431172+00'),
	(33, 'catalog', '0002_list_indexes', '2026-12-07 06:05:18.46078+00'),
	(34, 'catalog', '0003_contact_email_upper', '2026-12-07 06:05:18.482148+00'),
	(35, 'catalog', '0004_canned_reply', '2026-12-07 06:05:18.556764+00'),
	(36, 'notifications', '0001_initial', '2026-12-07 06:05:18.87768+00'),
	(37, 'notifications', '0002_default_templates', '2026-12-07 06:05:18.918872+00'),
	(38, 'incidents', '0001_initial', '2026-12-07 06:05:19.89294+00'),
	(39, 'incidents', '0002_reference_data', '2026-12-07 06:05:19.952569+00'),
	(40, 'incidents', '0003_open_priority_index', '2026-12-07 06:05:19.996801+00'),
	(41, 'incidents', '0004_major_incidents_and_spikes', '2026-12-07 06:05:22.144342+00'),
	(42, 'incidents', '0005_major_incident_templates', '2026-12-07 06:05:22.404821+00'),
	(43, 'problems', '0001_initial', '2026-12-07 06:05:24.404569+00'),
	(44, 'changes', '0001_initial', '2026-12-07 06:05:29.461891+00'),
	(45, 'changes', '0002_category_matrix', '2026-12-07 06:05:29.642108+00'),
	(46, 'changes', '0003_change_control', '2026-12-07 06:05:35.503678+00'),
	(47, 'notifications', '0003_sms_plural', '2026-12-07 06:05:35.511065+00'),
	(48, 'sla', '0001_initial', '2026-12-07 06:05:40.871698+00'),
	(49, 'sla', '0002_templates', '2026-12-07 06:05:41.117433+00'),
	(50, 'sla', '0003_escalation_notified', '2026-12-07 06:05:42.424339+00'),
	(51, 'sla', '0004_reopen', '2026-12-07 06:05:42.621429+00'),
	(52, 'contactcenter', '0001_initial', '2026-12-07 06:05:46.294139+00'),
	(53, 'contactcenter', '0002_callbacks', '2026-12-07 06:05:47.06758+00'),
	(54, 'contactcenter', '0003_csat_and_survey', '2026-12-07 06:05:48.63974+00'),
	(55, 'contactcenter', '0004_routing', '2026-12-07 06:06:01.231626+00'),
	(56, 'contactcenter', '0005_open_stretch_and_callback_indexes', '2026-12-07 06:06:02.881026+00'),
	(57, 'contactcenter', '0006_agent_log_end', '2026-12-07 06:06:03.004642+00'),
	(58, 'contactcenter', '0007_call_input_flags', '2026-12-07 06:06:03.861579+00'),
	(59, 'contactcenter', '0008_timeline_indexes', '2026-12-07 06:06:04.340094+00'),
	(60, 'contactcenter', '0009_language_recording', '2026-12-07 06:06:12.774371+00'),
	(61, 'contactcenter', '0010_outbound_supervision', '2026-12-07 06:06:27.472068+00'),
	(62, 'contactcenter', '0011_providers', '2026-12-07 06:06:31.059856+00'),
	(63, 'contactcenter', '0012_all_hands', '2026-12-07 06:06:34.060456+00'),
	(64, 'core', '0001_initial', '2026-12-07 06:06:34.891295+00'),
	(65, 'incidents', '0006_majorincidenttask_status_fsm', '2026-12-07 06:06:36.741767+00'),
	(66, 'crm', '0001_opportunity', '2026-12-07 06:06:37.412652+00'),
	(67, 'crm', '0002_complaint_survey', '2026-12-07 06:06:39.443917+00'),
	(68, 'crm', '0003_survey_timeline_indexes', '2026-12-07 06:06:40.213655+00'),
	(69, 'crm', '0004_survey_first_contact', '2026-12-07 06:06:40.45039+00'),
	(70, 'incidents', '0007_timeline_indexes', '2026-12-07 06:06:41.809736+00'),
	(71, 'incidents', '0008_set_based_links', '2026-12-07 06:06:41.810855+00'),
	(72, 'incidents', '0009_suspected_major', '2026-12-07 06:06:45.002248+00'),
	(73, 'problems', '0002_known_error_search', '2026-12-07 06:06:45.357694+00'),
	(74, 'knowledge', '0001_initial', '2026-12-07 06:06:52.160289+00'),
	(75, 'knowledge', '0002_article_search_vector', '2026-12-07 06:06:52.563203+00'),
	(76, 'knowledge', '0003_article_search_title', '2026-12-07 06:06:52.981598+00'),
	(77, 'kpis', '0001_initial', '2026-12-07 06:06:53.023409+00'),
	(78, 'kpis', '0002_daily_call_tables', '2026-12-07 06:06:53.044545+00'),
	(79, 'kpis', '0003_arrival_hours', '2026-12-07 06:06:53.054744+00'),
	(80, 'kpis', '0004_incidentdaily_channel', '2026-12-07 06:06:53.097775+00'),
	(81, 'kpis', '0005_contact_center_step2', '2026-12-07 06:06:53.212351+00'),
	(82, 'kpis', '0006_dashboard_speed', '2026-12-07 06:06:53.258444+00'),
	(83, 'requests', '0001_initial', '2026-12-07 06:07:05.208411+00'),
	(84, 'requests', '0002_channel', '2026-12-07 06:07:05.945094+00'),
	(85, 'notifications', '0004_stakeholdergroup_services', '2026-12-07 06:07:06.416857+00'),
	(86, 'mail', '0001_initial', '2026-12-07 06:07:09.608767+00'),
	(87, 'mail', '0002_inbound_from_index', '2026-12-07 06:07:09.73029+00'),
	(88, 'monitoring', '0001_initial', '2026-12-07 06:07:14.443593+00'),
	(89, 'problems', '0003_root_cause_at', '2026-12-07 06:07:15.326117+00'),
	(90, 'requests', '0003_timeline_indexes', '2026-12-07 06:07:16.105136+00'),
	(91, 'requests', '0004_priority_impact_urgency', '2026-12-07 06:07:18.878684+00'),
	(92, 'search', '0001_fulltext_indexes', '2026-12-07 06:07:19.47728+00'),
	(93, 'search', '0002_stored_vectors', '2026-12-07 06:07:21.447643+00'),
	(94, 'servicedesk', '0001_roles', '2026-12-07 06:07:22.103929+00'),
	(95, 'sessions', '0001_initial', '2026-12-07 06:07:22.120125+00'),
	(96, 'sla', '0005_complaint_kind', '2026-12-07 06:07:23.633337+00'),
	(97, 'sla', '0006_requester_escalation', '2026-12-07 06:07:27.139707+00'),
	(98, 'sla_ticketapp', '0001_initial', '2026-12-07 06:07:28.422057+00'),
	(99, 'statuspage', '0001_initial', '2026-12-07 06:07:35.138089+00'),
	(100, 'statuspage', '0002_maintenancenotice', '2026-12-07 06:07:36.322951+00');


--
-- Data for Name: django_session; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_attachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_demandsignal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalattachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalincident; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalincidentnote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalmajorincident; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalmajorincidentmember; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalmajorincidenttask; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalpostmortem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalprioritymatrix; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalspikealert; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalspikerule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_historicalstakeholderupdate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_incident; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_incidentnote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_majorincident; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_majorincident_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_majorincidentmember; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_majorincidenttask; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_postmortem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_prioritymatrix; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.incidents_prioritymatrix VALUES
	(1, 1, 1, 1),
	(2, 1, 2, 2),
	(3, 1, 3, 3),
	(4, 2, 1, 2),
	(5, 2, 2, 3),
	(6, 2, 3, 4),
	(7, 3, 1, 3),
	(8, 3, 2, 4),
	(9, 3, 3, 5);


--
-- Data for Name: incidents_spikealert; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_spikerule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_spikerule_notify; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_stakeholderupdate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: incidents_timelineevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_article; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_article_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_articlefeedback; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_articleimage; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_articleversion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_historicalarticle; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_historicalarticle_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: knowledge_searchmiss; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_agentdaily; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_agentinterval; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_arrivalhour; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_calldaily; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_callinterval; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_deskdaily; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kpis_incidentdaily; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mail_historicalmailbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mail_mailbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mail_mailmessage; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: monitoring_alert; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: monitoring_alertrule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: monitoring_alertsource; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: monitoring_historicalalertrule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: monitoring_historicalalertsource; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_delivery; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_historicalmessagetemplate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_historicalstakeholdergroup; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_historicalstakeholdergroup_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_messagetemplate; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.notifications_messagetemplate VALUES
	(1, 'generic', 'A free-form message: context gives subject and body.', '{{ subject }}', '{{ body }}{% if url %}

{{ site_url }}{{ url }}{% endif %}', '{{ subject }}'),
	(2, 'welcome', 'Sent to a person when their account is created.', 'Welcome to the service desk, {{ recipient.get_short_name|default:recipient.username }}', 'Your account {{ recipient.username }} is ready. Sign in at {{ site_url }}/login/.', 'Your service desk account {{ recipient.username }} is ready.'),
	(3, 'incident-assigned', 'An incident was assigned to you.', '{{ number }} assigned to you: {{ title }}', '{{ number }} — {{ title }}
Priority P{{ incident.priority }}{% if incident.service %}, {{ incident.service }}{% endif %}.

{{ site_url }}{{ url }}', '{{ number }} assigned to you (P{{ incident.priority }}): {{ title }}'),
	(4, 'incident-comment', 'A new comment on an incident you follow.', '{{ number }}: a new comment from {{ author }}', '{{ author }} wrote on {{ number }} ({{ title }}):

{{ body }}

{{ site_url }}{{ url }}', '{{ number }}: new comment from {{ author }}'),
	(5, 'incident-resolved', 'Your incident was resolved.', '{{ number }} is resolved: {{ title }}', 'Your incident {{ number }} ({{ title }}) is resolved ({{ code }}).

{{ resolution }}

If it is not, reply from {{ site_url }}{{ url }} and we will reopen it.', '{{ number }} is resolved: {{ title }}'),
	(6, 'major-incident-mobilise', 'You are on a major incident''s team: the bridge and the war room.', 'MAJOR INCIDENT {{ number }}: {{ summary }} (you are {{ role }})', 'A major incident was declared: {{ summary }}.
You are on the team as {{ role }}.

Conference bridge: {{ bridge_number }}, PIN {{ bridge_pin }}
War room: {{ site_url }}{{ url }}', 'MAJOR INCIDENT {{ number }}: {{ summary }}. Bridge {{ bridge_number }} PIN {{ bridge_pin }}. {{ site_url }}{{ url }}'),
	(7, 'major-incident-update', 'A stakeholder update on a major incident (the ALERT shape).', '[{{ status }}] {{ what }}', 'Affected: {{ what }}
{% if where %}Where: {{ where }}
{% endif %}Event: {{ event }}
Expected resolution: {% if eta %}{{ eta|date:''Y-m-d H:i T'' }}{% else %}not known yet{% endif %}
{% if contact %}Contact: {{ contact }}
{% endif %}{% if body %}
{{ body }}
{% endif %}
Status: {{ status }}', '[{{ status }}] {{ what }}{% if eta %} ETA {{ eta|date:''H:i T'' }}{% endif %}'),
	(8, 'major-incident-reminder', 'No stakeholder update has gone out for the cadence of this major incident.', '{{ number }}: no update for {{ minutes }} minutes — please post one', 'The last stakeholder update on {{ number }} ({{ summary }}) went out {{ minutes }} minutes ago. Post an update from the war room: {{ site_url }}{{ url }}', '{{ number }}: no stakeholder update for {{ minutes }} min. Please post one.'),
	(9, 'spike-alert', 'Demand for a service spiked: declare a major incident or dismiss.', 'Spike on {{ service }}: {{ count }} in {{ window }} minutes', '{{ count }} incidents and calls for {{ service }} in the last {{ window }} minutes{% if baseline is not None %} (usually {{ baseline }}){% endif %}.

Declare a major incident or dismiss the alert: {{ site_url }}{{ url }}', 'Spike on {{ service }}: {{ count }} in {{ window }} min. {{ site_url }}{{ url }}'),
	(10, 'sla-escalation', 'An SLA escalation: a target is about to be missed, or was missed.', '{{ ticket }}: {% if breached %}{{ metric }} target missed{% if overdue_minutes %} by {{ overdue_minutes }} min{% endif %}{% else %}{{ remaining_minutes }} minutes left for {{ metric }}{% endif %}', '{{ ticket }}

{% if breached %}The {{ metric }} target of {{ target_minutes }} business minutes was missed{% if overdue_minutes %} by {{ overdue_minutes }} minutes{% endif %}.{% else %}{{ remaining_minutes }} business minutes are left before the {{ metric }} target ({{ target_minutes }} minutes) is missed.{% endif %}{% if url %}

{{ site_url }}{{ url }}{% endif %}', '{{ ticket }}: {% if breached %}{{ metric }} SLA missed{% else %}{{ remaining_minutes }} minutes are left ({{ metric }}){% endif %}'),
	(11, 'sla-requester-late', 'Told to the requester: the date we promised was missed (escalation target requester).', '{{ ticket }}: we are late', '{{ ticket }}

We promised an answer{% if due_at %} by {{ due_at }}{% endif %}, and we are late. We are sorry: the team has been told and is on it.{% if url %}

Follow it here: {{ site_url }}{{ url }}{% endif %}', '{{ ticket }}: we are late. The team has been told and is on it.');


--
-- Data for Name: notifications_notification; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_smsmessage; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_stakeholdergroup; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_stakeholdergroup_members; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notifications_stakeholdergroup_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalknownerror; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalknownerror_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalknownerror_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalproblem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalproblem_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalproblem_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalproblem_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_historicalproblemcandidate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_knownerror; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_knownerror_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_knownerror_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problem_cis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problem_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problem_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problemcandidate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_problemcandidate_incidents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: problems_workaroundapplication; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_approval; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_catalogitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_catalogitem_teams; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_fulfilmenttask; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_historicalapproval; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_historicalcatalogitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_historicalcatalogitem_teams; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_historicalfulfilmenttask; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_historicalservicerequest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_requestcomment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: requests_servicerequest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_businesscalendar; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_escalationrule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalbusinesscalendar; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalescalationrule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalholiday; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalserviceoutage; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalslapolicy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_historicalworkinghours; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_holiday; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_serviceoutage; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_slaescalation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_slaevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_slapolicy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_slatimer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_ticketapp_demoticket; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sla_workinghours; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_historicalscheduledmaintenance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_maintenancenotice; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_scheduledmaintenance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_scheduledmaintenance_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_subscriber; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_subscriber_services; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: statuspage_subscribernotice; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: auth_group_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_id_seq', 6, true);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_permissions_id_seq', 1, false);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_permission_id_seq', 921, true);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_groups_id_seq', 1, false);


--
-- Name: auth_user_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_id_seq', 1, false);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_user_permissions_id_seq', 1, false);


--
-- Name: axes_accessattempt_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accessattempt_id_seq', 1, false);


--
-- Name: axes_accessfailurelog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accessfailurelog_id_seq', 1, false);


--
-- Name: axes_accesslog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accesslog_id_seq', 1, false);


--
-- Name: catalog_agentprofile_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_agentprofile_id_seq', 1, false);


--
-- Name: catalog_agentprofile_skills_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_agentprofile_skills_id_seq', 1, false);


--
-- Name: catalog_cannedreply_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_cannedreply_id_seq', 1, false);


--
-- Name: catalog_cirelation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_cirelation_id_seq', 1, false);


--
-- Name: catalog_configurationitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_configurationitem_id_seq', 1, false);


--
-- Name: catalog_contact_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_contact_id_seq', 1, false);


--
-- Name: catalog_contactphone_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_contactphone_id_seq', 1, false);


--
-- Name: catalog_customer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_customer_id_seq', 1, false);


--
-- Name: catalog_historicalagentprofile_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalagentprofile_history_id_seq', 1, false);


--
-- Name: catalog_historicalagentprofile_skills_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalagentprofile_skills_m2m_history_id_seq', 1, false);


--
-- Name: catalog_historicalcannedreply_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalcannedreply_history_id_seq', 1, false);


--
-- Name: catalog_historicalcirelation_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalcirelation_history_id_seq', 1, false);


--
-- Name: catalog_historicalconfigurationitem_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalconfigurationitem_history_id_seq', 1, false);


--
-- Name: catalog_historicalcontact_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalcontact_history_id_seq', 1, false);


--
-- Name: catalog_historicalcontactphone_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalcontactphone_history_id_seq', 1, false);


--
-- Name: catalog_historicalcustomer_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalcustomer_history_id_seq', 1, false);


--
-- Name: catalog_historicalservice_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalservice_history_id_seq', 1, false);


--
-- Name: catalog_historicalskill_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalskill_history_id_seq', 1, false);


--
-- Name: catalog_historicalteam_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalteam_history_id_seq', 1, false);


--
-- Name: catalog_historicalteam_members_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicalteam_members_m2m_history_id_seq', 1, false);


--
-- Name: catalog_historicaluser_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_historicaluser_history_id_seq', 1, false);


--
-- Name: catalog_service_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_service_id_seq', 1, false);


--
-- Name: catalog_skill_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_skill_id_seq', 1, false);


--
-- Name: catalog_team_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_team_id_seq', 1, false);


--
-- Name: catalog_team_members_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_team_members_id_seq', 1, false);


--
-- Name: catalog_team_skills_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_team_skills_id_seq', 1, false);


--
-- Name: changes_blackoutwindow_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_blackoutwindow_id_seq', 1, false);


--
-- Name: changes_blackoutwindow_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_blackoutwindow_services_id_seq', 1, false);


--
-- Name: changes_cabboard_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_cabboard_id_seq', 1, false);


--
-- Name: changes_cabboard_members_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_cabboard_members_id_seq', 1, false);


--
-- Name: changes_cabdecision_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_cabdecision_id_seq', 1, false);


--
-- Name: changes_cabmeeting_attendees_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_cabmeeting_attendees_id_seq', 1, false);


--
-- Name: changes_cabmeeting_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_cabmeeting_id_seq', 1, false);


--
-- Name: changes_categorymatrix_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_categorymatrix_id_seq', 15, true);


--
-- Name: changes_change_caused_incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_caused_incidents_id_seq', 1, false);


--
-- Name: changes_change_cis_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_cis_id_seq', 1, false);


--
-- Name: changes_change_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_id_seq', 1, false);


--
-- Name: changes_change_incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_incidents_id_seq', 1, false);


--
-- Name: changes_change_outage_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_outage_services_id_seq', 1, false);


--
-- Name: changes_change_problems_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_problems_id_seq', 1, false);


--
-- Name: changes_change_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_change_services_id_seq', 1, false);


--
-- Name: changes_changeciupdate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changeciupdate_id_seq', 1, false);


--
-- Name: changes_changemodel_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changemodel_id_seq', 1, false);


--
-- Name: changes_changemodel_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changemodel_services_id_seq', 1, false);


--
-- Name: changes_changepolicy_cis_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changepolicy_cis_id_seq', 1, false);


--
-- Name: changes_changepolicy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changepolicy_id_seq', 1, false);


--
-- Name: changes_changepolicy_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changepolicy_services_id_seq', 1, false);


--
-- Name: changes_changeproposal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changeproposal_id_seq', 1, false);


--
-- Name: changes_changeproposal_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changeproposal_services_id_seq', 1, false);


--
-- Name: changes_changetask_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_changetask_id_seq', 1, false);


--
-- Name: changes_evaluationreport_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_evaluationreport_id_seq', 1, false);


--
-- Name: changes_historicalblackoutwindow_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalblackoutwindow_history_id_seq', 1, false);


--
-- Name: changes_historicalblackoutwindow_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalblackoutwindow_services_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalcabboard_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalcabboard_history_id_seq', 1, false);


--
-- Name: changes_historicalcabboard_members_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalcabboard_members_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalcabdecision_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalcabdecision_history_id_seq', 1, false);


--
-- Name: changes_historicalcabmeeting_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalcabmeeting_history_id_seq', 1, false);


--
-- Name: changes_historicalcategorymatrix_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalcategorymatrix_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_caused_incidents_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_caused_incidents_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_cis_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_cis_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_incidents_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_incidents_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_problems_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_problems_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchange_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchange_services_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchangeciupdate_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangeciupdate_history_id_seq', 1, false);


--
-- Name: changes_historicalchangemodel_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangemodel_history_id_seq', 1, false);


--
-- Name: changes_historicalchangemodel_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangemodel_services_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchangepolicy_cis_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangepolicy_cis_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchangepolicy_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangepolicy_history_id_seq', 1, false);


--
-- Name: changes_historicalchangepolicy_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangepolicy_services_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalchangeproposal_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangeproposal_history_id_seq', 1, false);


--
-- Name: changes_historicalchangeproposal_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalchangeproposal_services_m2m_history_id_seq', 1, false);


--
-- Name: changes_historicalevaluationreport_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalevaluationreport_history_id_seq', 1, false);


--
-- Name: changes_historicalraciassignment_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalraciassignment_history_id_seq', 1, false);


--
-- Name: changes_historicalrelease_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalrelease_history_id_seq', 1, false);


--
-- Name: changes_historicalvote_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_historicalvote_history_id_seq', 1, false);


--
-- Name: changes_raciassignment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_raciassignment_id_seq', 1, false);


--
-- Name: changes_release_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_release_id_seq', 1, false);


--
-- Name: changes_vote_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_vote_id_seq', 1, false);


--
-- Name: contactcenter_agentstate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_agentstate_id_seq', 1, false);


--
-- Name: contactcenter_agentstatelog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_agentstatelog_id_seq', 1, false);


--
-- Name: contactcenter_announcement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_announcement_id_seq', 1, false);


--
-- Name: contactcenter_announcement_lines_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_announcement_lines_id_seq', 1, false);


--
-- Name: contactcenter_announcement_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_announcement_services_id_seq', 1, false);


--
-- Name: contactcenter_call_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_call_id_seq', 1, false);


--
-- Name: contactcenter_callback_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_callback_id_seq', 1, false);


--
-- Name: contactcenter_callevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_callevent_id_seq', 1, false);


--
-- Name: contactcenter_callrecording_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_callrecording_id_seq', 1, false);


--
-- Name: contactcenter_calltransfer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_calltransfer_id_seq', 1, false);


--
-- Name: contactcenter_conference_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_conference_id_seq', 1, false);


--
-- Name: contactcenter_conferenceevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_conferenceevent_id_seq', 1, false);


--
-- Name: contactcenter_conferenceleg_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_conferenceleg_id_seq', 1, false);


--
-- Name: contactcenter_diallist_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_diallist_id_seq', 1, false);


--
-- Name: contactcenter_diallistentry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_diallistentry_id_seq', 1, false);


--
-- Name: contactcenter_evaluation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_evaluation_id_seq', 1, false);


--
-- Name: contactcenter_evaluationanswer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_evaluationanswer_id_seq', 1, false);


--
-- Name: contactcenter_evaluationform_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_evaluationform_id_seq', 1, false);


--
-- Name: contactcenter_evaluationquestion_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_evaluationquestion_id_seq', 1, false);


--
-- Name: contactcenter_historicalannouncement_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalannouncement_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalannouncement_lines_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalannouncement_lines_m2m_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalannouncement_service_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalannouncement_service_m2m_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalcallback_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalcallback_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalcallrecording_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalcallrecording_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalconference_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalconference_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalconferenceevent_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalconferenceevent_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalconferenceleg_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalconferenceleg_history_id_seq', 1, false);


--
-- Name: contactcenter_historicaldiallist_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicaldiallist_history_id_seq', 1, false);


--
-- Name: contactcenter_historicaldiallistentry_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicaldiallistentry_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalevaluation_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalevaluation_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalevaluationanswer_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalevaluationanswer_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalevaluationform_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalevaluationform_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalevaluationquestion_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalevaluationquestion_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalline_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalline_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalmenuoption_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalmenuoption_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalpromptrecording_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalpromptrecording_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalpromptrecordingsession_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalpromptrecordingsession_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalprovider_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalprovider_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalqueue_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalqueue_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalsupervisionaction_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalsupervisionaction_history_id_seq', 1, false);


--
-- Name: contactcenter_historicalteamprovider_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicalteamprovider_history_id_seq', 1, false);


--
-- Name: contactcenter_historicaltemporaryagent_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicaltemporaryagent_history_id_seq', 1, false);


--
-- Name: contactcenter_historicaltemporaryagent_queue_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_historicaltemporaryagent_queue_m2m_history_id_seq', 1, false);


--
-- Name: contactcenter_line_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_line_id_seq', 1, false);


--
-- Name: contactcenter_menuoption_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_menuoption_id_seq', 1, false);


--
-- Name: contactcenter_promptrecording_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_promptrecording_id_seq', 1, false);


--
-- Name: contactcenter_promptrecordingsession_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_promptrecordingsession_id_seq', 1, false);


--
-- Name: contactcenter_provider_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_provider_id_seq', 1, false);


--
-- Name: contactcenter_queue_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_queue_id_seq', 1, false);


--
-- Name: contactcenter_supervisionaction_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_supervisionaction_id_seq', 1, false);


--
-- Name: contactcenter_teamprovider_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_teamprovider_id_seq', 1, false);


--
-- Name: contactcenter_telephonyrequest_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_telephonyrequest_id_seq', 1, false);


--
-- Name: contactcenter_temporaryagent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_temporaryagent_id_seq', 1, false);


--
-- Name: contactcenter_temporaryagent_queues_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contactcenter_temporaryagent_queues_id_seq', 1, false);


--
-- Name: core_historicalsavedview_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_historicalsavedview_history_id_seq', 1, false);


--
-- Name: core_savedview_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_savedview_id_seq', 1, false);


--
-- Name: crm_complaint_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_complaint_id_seq', 1, false);


--
-- Name: crm_complaint_incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_complaint_incidents_id_seq', 1, false);


--
-- Name: crm_historicalcomplaint_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_historicalcomplaint_history_id_seq', 1, false);


--
-- Name: crm_historicalopportunity_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_historicalopportunity_history_id_seq', 1, false);


--
-- Name: crm_opportunity_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_opportunity_id_seq', 1, false);


--
-- Name: crm_survey_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crm_survey_id_seq', 1, false);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_admin_log_id_seq', 1, false);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_content_type_id_seq', 230, true);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_migrations_id_seq', 100, true);


--
-- Name: incidents_attachment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_attachment_id_seq', 1, false);


--
-- Name: incidents_demandsignal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_demandsignal_id_seq', 1, false);


--
-- Name: incidents_historicalattachment_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalattachment_history_id_seq', 1, false);


--
-- Name: incidents_historicalincident_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalincident_history_id_seq', 1, false);


--
-- Name: incidents_historicalincidentnote_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalincidentnote_history_id_seq', 1, false);


--
-- Name: incidents_historicalmajorincident_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalmajorincident_history_id_seq', 1, false);


--
-- Name: incidents_historicalmajorincidentmember_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalmajorincidentmember_history_id_seq', 1, false);


--
-- Name: incidents_historicalmajorincidenttask_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalmajorincidenttask_history_id_seq', 1, false);


--
-- Name: incidents_historicalpostmortem_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalpostmortem_history_id_seq', 1, false);


--
-- Name: incidents_historicalprioritymatrix_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalprioritymatrix_history_id_seq', 1, false);


--
-- Name: incidents_historicalspikealert_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalspikealert_history_id_seq', 1, false);


--
-- Name: incidents_historicalspikerule_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalspikerule_history_id_seq', 1, false);


--
-- Name: incidents_historicalstakeholderupdate_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_historicalstakeholderupdate_history_id_seq', 1, false);


--
-- Name: incidents_incident_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_incident_id_seq', 1, false);


--
-- Name: incidents_incidentnote_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_incidentnote_id_seq', 1, false);


--
-- Name: incidents_majorincident_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_majorincident_id_seq', 1, false);


--
-- Name: incidents_majorincident_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_majorincident_services_id_seq', 1, false);


--
-- Name: incidents_majorincidentmember_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_majorincidentmember_id_seq', 1, false);


--
-- Name: incidents_majorincidenttask_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_majorincidenttask_id_seq', 1, false);


--
-- Name: incidents_postmortem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_postmortem_id_seq', 1, false);


--
-- Name: incidents_prioritymatrix_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_prioritymatrix_id_seq', 9, true);


--
-- Name: incidents_spikealert_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_spikealert_id_seq', 1, false);


--
-- Name: incidents_spikerule_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_spikerule_id_seq', 1, false);


--
-- Name: incidents_spikerule_notify_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_spikerule_notify_id_seq', 1, false);


--
-- Name: incidents_stakeholderupdate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_stakeholderupdate_id_seq', 1, false);


--
-- Name: incidents_timelineevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_timelineevent_id_seq', 1, false);


--
-- Name: knowledge_article_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_article_id_seq', 1, false);


--
-- Name: knowledge_article_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_article_services_id_seq', 1, false);


--
-- Name: knowledge_articlefeedback_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_articlefeedback_id_seq', 1, false);


--
-- Name: knowledge_articleimage_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_articleimage_id_seq', 1, false);


--
-- Name: knowledge_articleversion_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_articleversion_id_seq', 1, false);


--
-- Name: knowledge_historicalarticle_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_historicalarticle_history_id_seq', 1, false);


--
-- Name: knowledge_historicalarticle_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_historicalarticle_services_m2m_history_id_seq', 1, false);


--
-- Name: knowledge_searchmiss_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.knowledge_searchmiss_id_seq', 1, false);


--
-- Name: kpis_agentdaily_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_agentdaily_id_seq', 1, false);


--
-- Name: kpis_agentinterval_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_agentinterval_id_seq', 1, false);


--
-- Name: kpis_arrivalhour_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_arrivalhour_id_seq', 1, false);


--
-- Name: kpis_calldaily_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_calldaily_id_seq', 1, false);


--
-- Name: kpis_callinterval_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_callinterval_id_seq', 1, false);


--
-- Name: kpis_deskdaily_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_deskdaily_id_seq', 1, false);


--
-- Name: kpis_incidentdaily_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.kpis_incidentdaily_id_seq', 1, false);


--
-- Name: mail_historicalmailbox_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mail_historicalmailbox_history_id_seq', 1, false);


--
-- Name: mail_mailbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mail_mailbox_id_seq', 1, false);


--
-- Name: mail_mailmessage_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mail_mailmessage_id_seq', 1, false);


--
-- Name: monitoring_alert_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.monitoring_alert_id_seq', 1, false);


--
-- Name: monitoring_alertrule_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.monitoring_alertrule_id_seq', 1, false);


--
-- Name: monitoring_alertsource_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.monitoring_alertsource_id_seq', 1, false);


--
-- Name: monitoring_historicalalertrule_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.monitoring_historicalalertrule_history_id_seq', 1, false);


--
-- Name: monitoring_historicalalertsource_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.monitoring_historicalalertsource_history_id_seq', 1, false);


--
-- Name: notifications_delivery_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_delivery_id_seq', 1, false);


--
-- Name: notifications_historicalmessagetemplate_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_historicalmessagetemplate_history_id_seq', 1, false);


--
-- Name: notifications_historicalstakeholdergroup_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_historicalstakeholdergroup_history_id_seq', 1, false);


--
-- Name: notifications_historicalstakeholdergroup_mem_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_historicalstakeholdergroup_mem_m2m_history_id_seq', 1, false);


--
-- Name: notifications_messagetemplate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_messagetemplate_id_seq', 11, true);


--
-- Name: notifications_notification_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_notification_id_seq', 1, false);


--
-- Name: notifications_smsmessage_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_smsmessage_id_seq', 1, false);


--
-- Name: notifications_stakeholdergroup_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_stakeholdergroup_id_seq', 1, false);


--
-- Name: notifications_stakeholdergroup_members_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_stakeholdergroup_members_id_seq', 1, false);


--
-- Name: notifications_stakeholdergroup_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notifications_stakeholdergroup_services_id_seq', 1, false);


--
-- Name: problems_historicalknownerror_cis_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalknownerror_cis_m2m_history_id_seq', 1, false);


--
-- Name: problems_historicalknownerror_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalknownerror_history_id_seq', 1, false);


--
-- Name: problems_historicalknownerror_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalknownerror_services_m2m_history_id_seq', 1, false);


--
-- Name: problems_historicalproblem_cis_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalproblem_cis_m2m_history_id_seq', 1, false);


--
-- Name: problems_historicalproblem_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalproblem_history_id_seq', 1, false);


--
-- Name: problems_historicalproblem_incidents_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalproblem_incidents_m2m_history_id_seq', 1, false);


--
-- Name: problems_historicalproblem_services_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalproblem_services_m2m_history_id_seq', 1, false);


--
-- Name: problems_historicalproblemcandidate_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_historicalproblemcandidate_history_id_seq', 1, false);


--
-- Name: problems_knownerror_cis_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_knownerror_cis_id_seq', 1, false);


--
-- Name: problems_knownerror_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_knownerror_id_seq', 1, false);


--
-- Name: problems_knownerror_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_knownerror_services_id_seq', 1, false);


--
-- Name: problems_problem_cis_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problem_cis_id_seq', 1, false);


--
-- Name: problems_problem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problem_id_seq', 1, false);


--
-- Name: problems_problem_incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problem_incidents_id_seq', 1, false);


--
-- Name: problems_problem_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problem_services_id_seq', 1, false);


--
-- Name: problems_problemcandidate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problemcandidate_id_seq', 1, false);


--
-- Name: problems_problemcandidate_incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_problemcandidate_incidents_id_seq', 1, false);


--
-- Name: problems_workaroundapplication_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.problems_workaroundapplication_id_seq', 1, false);


--
-- Name: requests_approval_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_approval_id_seq', 1, false);


--
-- Name: requests_catalogitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_catalogitem_id_seq', 1, false);


--
-- Name: requests_catalogitem_teams_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_catalogitem_teams_id_seq', 1, false);


--
-- Name: requests_fulfilmenttask_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_fulfilmenttask_id_seq', 1, false);


--
-- Name: requests_historicalapproval_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_historicalapproval_history_id_seq', 1, false);


--
-- Name: requests_historicalcatalogitem_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_historicalcatalogitem_history_id_seq', 1, false);


--
-- Name: requests_historicalcatalogitem_teams_m2m_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_historicalcatalogitem_teams_m2m_history_id_seq', 1, false);


--
-- Name: requests_historicalfulfilmenttask_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_historicalfulfilmenttask_history_id_seq', 1, false);


--
-- Name: requests_historicalservicerequest_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_historicalservicerequest_history_id_seq', 1, false);


--
-- Name: requests_requestcomment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_requestcomment_id_seq', 1, false);


--
-- Name: requests_servicerequest_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.requests_servicerequest_id_seq', 1, false);


--
-- Name: sla_businesscalendar_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_businesscalendar_id_seq', 1, false);


--
-- Name: sla_escalationrule_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_escalationrule_id_seq', 1, false);


--
-- Name: sla_historicalbusinesscalendar_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalbusinesscalendar_history_id_seq', 1, false);


--
-- Name: sla_historicalescalationrule_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalescalationrule_history_id_seq', 1, false);


--
-- Name: sla_historicalholiday_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalholiday_history_id_seq', 1, false);


--
-- Name: sla_historicalserviceoutage_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalserviceoutage_history_id_seq', 1, false);


--
-- Name: sla_historicalslapolicy_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalslapolicy_history_id_seq', 1, false);


--
-- Name: sla_historicalworkinghours_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_historicalworkinghours_history_id_seq', 1, false);


--
-- Name: sla_holiday_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_holiday_id_seq', 1, false);


--
-- Name: sla_serviceoutage_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_serviceoutage_id_seq', 1, false);


--
-- Name: sla_slaescalation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_slaescalation_id_seq', 1, false);


--
-- Name: sla_slaevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_slaevent_id_seq', 1, false);


--
-- Name: sla_slapolicy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_slapolicy_id_seq', 1, false);


--
-- Name: sla_slatimer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_slatimer_id_seq', 1, false);


--
-- Name: sla_ticketapp_demoticket_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_ticketapp_demoticket_id_seq', 1, false);


--
-- Name: sla_workinghours_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sla_workinghours_id_seq', 1, false);


--
-- Name: statuspage_historicalscheduledmaintenance_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_historicalscheduledmaintenance_history_id_seq', 1, false);


--
-- Name: statuspage_maintenancenotice_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_maintenancenotice_id_seq', 1, false);


--
-- Name: statuspage_scheduledmaintenance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_scheduledmaintenance_id_seq', 1, false);


--
-- Name: statuspage_scheduledmaintenance_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_scheduledmaintenance_services_id_seq', 1, false);


--
-- Name: statuspage_subscriber_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_subscriber_id_seq', 1, false);


--
-- Name: statuspage_subscriber_services_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_subscriber_services_id_seq', 1, false);


--
-- Name: statuspage_subscribernotice_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.statuspage_subscribernotice_id_seq', 1, false);


--
-- Name: auth_group auth_group_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_name_key UNIQUE (name);


--
-- Name: auth_group_permissions auth_group_permissions_group_id_permission_id_0cd325b0_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_permission_id_0cd325b0_uniq UNIQUE (group_id, permission_id);


--
-- Name: auth_group_permissions auth_group_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_group auth_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_pkey PRIMARY KEY (id);


--
-- Name: auth_permission auth_permission_content_type_id_codename_01ab375a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_codename_01ab375a_uniq UNIQUE (content_type_id, codename);


--
-- Name: auth_permission auth_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_user_id_group_id_94350c0c_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_group_id_94350c0c_uniq UNIQUE (user_id, group_id);


--
-- Name: auth_user auth_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_permission_id_14a6b632_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_permission_id_14a6b632_uniq UNIQUE (user_id, permission_id);


--
-- Name: auth_user auth_user_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_username_key UNIQUE (username);


--
-- Name: authtoken_token authtoken_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_pkey PRIMARY KEY (key);


--
-- Name: authtoken_token authtoken_token_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_user_id_key UNIQUE (user_id);


--
-- Name: axes_accessattempt axes_accessattempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_pkey PRIMARY KEY (id);


--
-- Name: axes_accessattempt axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq UNIQUE (username, ip_address, user_agent);


--
-- Name: axes_accessattemptexpiration axes_accessattemptexpiration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptexpiration_pkey PRIMARY KEY (access_attempt_id);


--
-- Name: axes_accessfailurelog axes_accessfailurelog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessfailurelog
    ADD CONSTRAINT axes_accessfailurelog_pkey PRIMARY KEY (id);


--
-- Name: axes_accesslog axes_accesslog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accesslog
    ADD CONSTRAINT axes_accesslog_pkey PRIMARY KEY (id);


--
-- Name: catalog_agentprofile catalog_agentprofile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile
    ADD CONSTRAINT catalog_agentprofile_pkey PRIMARY KEY (id);


--
-- Name: catalog_agentprofile_skills catalog_agentprofile_ski_agentprofile_id_skill_id_8823b2eb_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile_skills
    ADD CONSTRAINT catalog_agentprofile_ski_agentprofile_id_skill_id_8823b2eb_uniq UNIQUE (agentprofile_id, skill_id);


--
-- Name: catalog_agentprofile_skills catalog_agentprofile_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile_skills
    ADD CONSTRAINT catalog_agentprofile_skills_pkey PRIMARY KEY (id);


--
-- Name: catalog_agentprofile catalog_agentprofile_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile
    ADD CONSTRAINT catalog_agentprofile_user_id_key UNIQUE (user_id);


--
-- Name: catalog_cannedreply catalog_cannedreply_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cannedreply
    ADD CONSTRAINT catalog_cannedreply_pkey PRIMARY KEY (id);


--
-- Name: catalog_cannedreply catalog_cannedreply_team_name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cannedreply
    ADD CONSTRAINT catalog_cannedreply_team_name UNIQUE (team_id, name);


--
-- Name: catalog_cirelation catalog_cirelation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cirelation
    ADD CONSTRAINT catalog_cirelation_pkey PRIMARY KEY (id);


--
-- Name: catalog_cirelation catalog_cirelation_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cirelation
    ADD CONSTRAINT catalog_cirelation_unique UNIQUE (source_id, target_id, kind);


--
-- Name: catalog_configurationitem catalog_configurationitem_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_configurationitem
    ADD CONSTRAINT catalog_configurationitem_name_key UNIQUE (name);


--
-- Name: catalog_configurationitem catalog_configurationitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_configurationitem
    ADD CONSTRAINT catalog_configurationitem_pkey PRIMARY KEY (id);


--
-- Name: catalog_contact catalog_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contact
    ADD CONSTRAINT catalog_contact_pkey PRIMARY KEY (id);


--
-- Name: catalog_contact catalog_contact_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contact
    ADD CONSTRAINT catalog_contact_user_id_key UNIQUE (user_id);


--
-- Name: catalog_contactphone catalog_contactphone_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contactphone
    ADD CONSTRAINT catalog_contactphone_number_key UNIQUE (number);


--
-- Name: catalog_contactphone catalog_contactphone_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contactphone
    ADD CONSTRAINT catalog_contactphone_pkey PRIMARY KEY (id);


--
-- Name: catalog_customer catalog_customer_account_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_customer
    ADD CONSTRAINT catalog_customer_account_number_key UNIQUE (account_number);


--
-- Name: catalog_customer catalog_customer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_customer
    ADD CONSTRAINT catalog_customer_pkey PRIMARY KEY (id);


--
-- Name: catalog_historicalagentprofile catalog_historicalagentprofile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalagentprofile
    ADD CONSTRAINT catalog_historicalagentprofile_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalagentprofile_skills catalog_historicalagentprofile_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalagentprofile_skills
    ADD CONSTRAINT catalog_historicalagentprofile_skills_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: catalog_historicalcannedreply catalog_historicalcannedreply_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcannedreply
    ADD CONSTRAINT catalog_historicalcannedreply_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalcirelation catalog_historicalcirelation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcirelation
    ADD CONSTRAINT catalog_historicalcirelation_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalconfigurationitem catalog_historicalconfigurationitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalconfigurationitem
    ADD CONSTRAINT catalog_historicalconfigurationitem_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalcontact catalog_historicalcontact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcontact
    ADD CONSTRAINT catalog_historicalcontact_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalcontactphone catalog_historicalcontactphone_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcontactphone
    ADD CONSTRAINT catalog_historicalcontactphone_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalcustomer catalog_historicalcustomer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcustomer
    ADD CONSTRAINT catalog_historicalcustomer_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalservice catalog_historicalservice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalservice
    ADD CONSTRAINT catalog_historicalservice_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalskill catalog_historicalskill_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalskill
    ADD CONSTRAINT catalog_historicalskill_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicalteam_members catalog_historicalteam_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalteam_members
    ADD CONSTRAINT catalog_historicalteam_members_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: catalog_historicalteam catalog_historicalteam_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalteam
    ADD CONSTRAINT catalog_historicalteam_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_historicaluser catalog_historicaluser_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicaluser
    ADD CONSTRAINT catalog_historicaluser_pkey PRIMARY KEY (history_id);


--
-- Name: catalog_service catalog_service_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_service
    ADD CONSTRAINT catalog_service_name_key UNIQUE (name);


--
-- Name: catalog_service catalog_service_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_service
    ADD CONSTRAINT catalog_service_pkey PRIMARY KEY (id);


--
-- Name: catalog_skill catalog_skill_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_skill
    ADD CONSTRAINT catalog_skill_name_key UNIQUE (name);


--
-- Name: catalog_skill catalog_skill_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_skill
    ADD CONSTRAINT catalog_skill_pkey PRIMARY KEY (id);


--
-- Name: catalog_team_members catalog_team_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_members
    ADD CONSTRAINT catalog_team_members_pkey PRIMARY KEY (id);


--
-- Name: catalog_team_members catalog_team_members_team_id_user_id_93c2f307_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_members
    ADD CONSTRAINT catalog_team_members_team_id_user_id_93c2f307_uniq UNIQUE (team_id, user_id);


--
-- Name: catalog_team catalog_team_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team
    ADD CONSTRAINT catalog_team_name_key UNIQUE (name);


--
-- Name: catalog_team catalog_team_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team
    ADD CONSTRAINT catalog_team_pkey PRIMARY KEY (id);


--
-- Name: catalog_team_skills catalog_team_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_skills
    ADD CONSTRAINT catalog_team_skills_pkey PRIMARY KEY (id);


--
-- Name: catalog_team_skills catalog_team_skills_team_id_skill_id_5dcf9194_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_skills
    ADD CONSTRAINT catalog_team_skills_team_id_skill_id_5dcf9194_uniq UNIQUE (team_id, skill_id);


--
-- Name: changes_blackoutwindow changes_blackoutwindow_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_blackoutwindow
    ADD CONSTRAINT changes_blackoutwindow_pkey PRIMARY KEY (id);


--
-- Name: changes_blackoutwindow_services changes_blackoutwindow_s_blackoutwindow_id_servic_b42f426d_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_blackoutwindow_services
    ADD CONSTRAINT changes_blackoutwindow_s_blackoutwindow_id_servic_b42f426d_uniq UNIQUE (blackoutwindow_id, service_id);


--
-- Name: changes_blackoutwindow_services changes_blackoutwindow_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_blackoutwindow_services
    ADD CONSTRAINT changes_blackoutwindow_services_pkey PRIMARY KEY (id);


--
-- Name: changes_cabboard changes_cabboard_kind_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard
    ADD CONSTRAINT changes_cabboard_kind_key UNIQUE (kind);


--
-- Name: changes_cabboard_members changes_cabboard_members_cabboard_id_user_id_6cb4ef9a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard_members
    ADD CONSTRAINT changes_cabboard_members_cabboard_id_user_id_6cb4ef9a_uniq UNIQUE (cabboard_id, user_id);


--
-- Name: changes_cabboard_members changes_cabboard_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard_members
    ADD CONSTRAINT changes_cabboard_members_pkey PRIMARY KEY (id);


--
-- Name: changes_cabboard changes_cabboard_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard
    ADD CONSTRAINT changes_cabboard_pkey PRIMARY KEY (id);


--
-- Name: changes_cabdecision changes_cabdecision_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabdecision
    ADD CONSTRAINT changes_cabdecision_once UNIQUE (meeting_id, change_id);


--
-- Name: changes_cabdecision changes_cabdecision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabdecision
    ADD CONSTRAINT changes_cabdecision_pkey PRIMARY KEY (id);


--
-- Name: changes_cabmeeting_attendees changes_cabmeeting_atten_cabmeeting_id_user_id_5b10d456_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting_attendees
    ADD CONSTRAINT changes_cabmeeting_atten_cabmeeting_id_user_id_5b10d456_uniq UNIQUE (cabmeeting_id, user_id);


--
-- Name: changes_cabmeeting_attendees changes_cabmeeting_attendees_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting_attendees
    ADD CONSTRAINT changes_cabmeeting_attendees_pkey PRIMARY KEY (id);


--
-- Name: changes_cabmeeting changes_cabmeeting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting
    ADD CONSTRAINT changes_cabmeeting_pkey PRIMARY KEY (id);


--
-- Name: changes_categorymatrix changes_categorymatrix_cell; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_categorymatrix
    ADD CONSTRAINT changes_categorymatrix_cell UNIQUE (risk, impact);


--
-- Name: changes_categorymatrix changes_categorymatrix_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_categorymatrix
    ADD CONSTRAINT changes_categorymatrix_pkey PRIMARY KEY (id);


--
-- Name: changes_change_caused_incidents changes_change_caused_in_change_id_incident_id_f24b8e7d_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_caused_incidents
    ADD CONSTRAINT changes_change_caused_in_change_id_incident_id_f24b8e7d_uniq UNIQUE (change_id, incident_id);


--
-- Name: changes_change_caused_incidents changes_change_caused_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_caused_incidents
    ADD CONSTRAINT changes_change_caused_incidents_pkey PRIMARY KEY (id);


--
-- Name: changes_change_cis changes_change_cis_change_id_configurationitem_id_01eb9484_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_cis
    ADD CONSTRAINT changes_change_cis_change_id_configurationitem_id_01eb9484_uniq UNIQUE (change_id, configurationitem_id);


--
-- Name: changes_change_cis changes_change_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_cis
    ADD CONSTRAINT changes_change_cis_pkey PRIMARY KEY (id);


--
-- Name: changes_change_incidents changes_change_incidents_change_id_incident_id_50e7b826_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_incidents
    ADD CONSTRAINT changes_change_incidents_change_id_incident_id_50e7b826_uniq UNIQUE (change_id, incident_id);


--
-- Name: changes_change_incidents changes_change_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_incidents
    ADD CONSTRAINT changes_change_incidents_pkey PRIMARY KEY (id);


--
-- Name: changes_change changes_change_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_number_key UNIQUE (number);


--
-- Name: changes_change_outage_services changes_change_outage_se_change_id_service_id_25cc51a3_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_outage_services
    ADD CONSTRAINT changes_change_outage_se_change_id_service_id_25cc51a3_uniq UNIQUE (change_id, service_id);


--
-- Name: changes_change_outage_services changes_change_outage_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_outage_services
    ADD CONSTRAINT changes_change_outage_services_pkey PRIMARY KEY (id);


--
-- Name: changes_change changes_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_pkey PRIMARY KEY (id);


--
-- Name: changes_change_problems changes_change_problems_change_id_problem_id_77a24343_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_problems
    ADD CONSTRAINT changes_change_problems_change_id_problem_id_77a24343_uniq UNIQUE (change_id, problem_id);


--
-- Name: changes_change_problems changes_change_problems_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_problems
    ADD CONSTRAINT changes_change_problems_pkey PRIMARY KEY (id);


--
-- Name: changes_change_services changes_change_services_change_id_service_id_8fd5e0e8_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_services
    ADD CONSTRAINT changes_change_services_change_id_service_id_8fd5e0e8_uniq UNIQUE (change_id, service_id);


--
-- Name: changes_change_services changes_change_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_services
    ADD CONSTRAINT changes_change_services_pkey PRIMARY KEY (id);


--
-- Name: changes_changeciupdate changes_changeciupdate_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeciupdate
    ADD CONSTRAINT changes_changeciupdate_once UNIQUE (change_id, ci_id);


--
-- Name: changes_changeciupdate changes_changeciupdate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeciupdate
    ADD CONSTRAINT changes_changeciupdate_pkey PRIMARY KEY (id);


--
-- Name: changes_changemodel changes_changemodel_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel
    ADD CONSTRAINT changes_changemodel_name_key UNIQUE (name);


--
-- Name: changes_changemodel changes_changemodel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel
    ADD CONSTRAINT changes_changemodel_pkey PRIMARY KEY (id);


--
-- Name: changes_changemodel_services changes_changemodel_serv_changemodel_id_service_i_aeb00a7a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel_services
    ADD CONSTRAINT changes_changemodel_serv_changemodel_id_service_i_aeb00a7a_uniq UNIQUE (changemodel_id, service_id);


--
-- Name: changes_changemodel_services changes_changemodel_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel_services
    ADD CONSTRAINT changes_changemodel_services_pkey PRIMARY KEY (id);


--
-- Name: changes_changepolicy_cis changes_changepolicy_cis_changepolicy_id_configur_5263b5d6_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_cis
    ADD CONSTRAINT changes_changepolicy_cis_changepolicy_id_configur_5263b5d6_uniq UNIQUE (changepolicy_id, configurationitem_id);


--
-- Name: changes_changepolicy_cis changes_changepolicy_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_cis
    ADD CONSTRAINT changes_changepolicy_cis_pkey PRIMARY KEY (id);


--
-- Name: changes_changepolicy changes_changepolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy
    ADD CONSTRAINT changes_changepolicy_pkey PRIMARY KEY (id);


--
-- Name: changes_changepolicy_services changes_changepolicy_ser_changepolicy_id_service__16c71a00_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_services
    ADD CONSTRAINT changes_changepolicy_ser_changepolicy_id_service__16c71a00_uniq UNIQUE (changepolicy_id, service_id);


--
-- Name: changes_changepolicy_services changes_changepolicy_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_services
    ADD CONSTRAINT changes_changepolicy_services_pkey PRIMARY KEY (id);


--
-- Name: changes_changeproposal changes_changeproposal_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal
    ADD CONSTRAINT changes_changeproposal_number_key UNIQUE (number);


--
-- Name: changes_changeproposal changes_changeproposal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal
    ADD CONSTRAINT changes_changeproposal_pkey PRIMARY KEY (id);


--
-- Name: changes_changeproposal_services changes_changeproposal_s_changeproposal_id_servic_30530d0e_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal_services
    ADD CONSTRAINT changes_changeproposal_s_changeproposal_id_servic_30530d0e_uniq UNIQUE (changeproposal_id, service_id);


--
-- Name: changes_changeproposal_services changes_changeproposal_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal_services
    ADD CONSTRAINT changes_changeproposal_services_pkey PRIMARY KEY (id);


--
-- Name: changes_changetask changes_changetask_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changetask
    ADD CONSTRAINT changes_changetask_pkey PRIMARY KEY (id);


--
-- Name: changes_evaluationreport changes_evaluationreport_change_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_evaluationreport
    ADD CONSTRAINT changes_evaluationreport_change_id_key UNIQUE (change_id);


--
-- Name: changes_evaluationreport changes_evaluationreport_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_evaluationreport
    ADD CONSTRAINT changes_evaluationreport_pkey PRIMARY KEY (id);


--
-- Name: changes_historicalblackoutwindow changes_historicalblackoutwindow_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalblackoutwindow
    ADD CONSTRAINT changes_historicalblackoutwindow_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalblackoutwindow_services changes_historicalblackoutwindow_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalblackoutwindow_services
    ADD CONSTRAINT changes_historicalblackoutwindow_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalcabboard_members changes_historicalcabboard_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabboard_members
    ADD CONSTRAINT changes_historicalcabboard_members_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalcabboard changes_historicalcabboard_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabboard
    ADD CONSTRAINT changes_historicalcabboard_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalcabdecision changes_historicalcabdecision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabdecision
    ADD CONSTRAINT changes_historicalcabdecision_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalcabmeeting changes_historicalcabmeeting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabmeeting
    ADD CONSTRAINT changes_historicalcabmeeting_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalcategorymatrix changes_historicalcategorymatrix_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcategorymatrix
    ADD CONSTRAINT changes_historicalcategorymatrix_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchange_caused_incidents changes_historicalchange_caused_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange_caused_incidents
    ADD CONSTRAINT changes_historicalchange_caused_incidents_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchange_cis changes_historicalchange_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange_cis
    ADD CONSTRAINT changes_historicalchange_cis_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchange_incidents changes_historicalchange_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange_incidents
    ADD CONSTRAINT changes_historicalchange_incidents_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchange changes_historicalchange_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange
    ADD CONSTRAINT changes_historicalchange_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchange_problems changes_historicalchange_problems_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange_problems
    ADD CONSTRAINT changes_historicalchange_problems_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchange_services changes_historicalchange_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange_services
    ADD CONSTRAINT changes_historicalchange_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchangeciupdate changes_historicalchangeciupdate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangeciupdate
    ADD CONSTRAINT changes_historicalchangeciupdate_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchangemodel changes_historicalchangemodel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangemodel
    ADD CONSTRAINT changes_historicalchangemodel_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchangemodel_services changes_historicalchangemodel_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangemodel_services
    ADD CONSTRAINT changes_historicalchangemodel_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchangepolicy_cis changes_historicalchangepolicy_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangepolicy_cis
    ADD CONSTRAINT changes_historicalchangepolicy_cis_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchangepolicy changes_historicalchangepolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangepolicy
    ADD CONSTRAINT changes_historicalchangepolicy_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchangepolicy_services changes_historicalchangepolicy_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangepolicy_services
    ADD CONSTRAINT changes_historicalchangepolicy_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalchangeproposal changes_historicalchangeproposal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangeproposal
    ADD CONSTRAINT changes_historicalchangeproposal_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalchangeproposal_services changes_historicalchangeproposal_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangeproposal_services
    ADD CONSTRAINT changes_historicalchangeproposal_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: changes_historicalevaluationreport changes_historicalevaluationreport_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalevaluationreport
    ADD CONSTRAINT changes_historicalevaluationreport_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalraciassignment changes_historicalraciassignment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalraciassignment
    ADD CONSTRAINT changes_historicalraciassignment_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalrelease changes_historicalrelease_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalrelease
    ADD CONSTRAINT changes_historicalrelease_pkey PRIMARY KEY (history_id);


--
-- Name: changes_historicalvote changes_historicalvote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalvote
    ADD CONSTRAINT changes_historicalvote_pkey PRIMARY KEY (history_id);


--
-- Name: changes_raciassignment changes_raciassignment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_raciassignment
    ADD CONSTRAINT changes_raciassignment_pkey PRIMARY KEY (id);


--
-- Name: changes_release changes_release_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_release
    ADD CONSTRAINT changes_release_number_key UNIQUE (number);


--
-- Name: changes_release changes_release_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_release
    ADD CONSTRAINT changes_release_pkey PRIMARY KEY (id);


--
-- Name: changes_vote changes_vote_one_per_member; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_vote
    ADD CONSTRAINT changes_vote_one_per_member UNIQUE (change_id, board_id, member_id);


--
-- Name: changes_vote changes_vote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_vote
    ADD CONSTRAINT changes_vote_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_conferenceevent conference_event_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceevent
    ADD CONSTRAINT conference_event_once UNIQUE (sid, sequence);


--
-- Name: contactcenter_agentstate contactcenter_agentstate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstate
    ADD CONSTRAINT contactcenter_agentstate_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_agentstate contactcenter_agentstate_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstate
    ADD CONSTRAINT contactcenter_agentstate_user_id_key UNIQUE (user_id);


--
-- Name: contactcenter_agentstatelog contactcenter_agentstatelog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstatelog
    ADD CONSTRAINT contactcenter_agentstatelog_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_announcement_lines contactcenter_announceme_announcement_id_line_id_1921b1c3_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_lines
    ADD CONSTRAINT contactcenter_announceme_announcement_id_line_id_1921b1c3_uniq UNIQUE (announcement_id, line_id);


--
-- Name: contactcenter_announcement_services contactcenter_announceme_announcement_id_service__55c84043_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_services
    ADD CONSTRAINT contactcenter_announceme_announcement_id_service__55c84043_uniq UNIQUE (announcement_id, service_id);


--
-- Name: contactcenter_announcement_lines contactcenter_announcement_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_lines
    ADD CONSTRAINT contactcenter_announcement_lines_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_announcement contactcenter_announcement_major_incident_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement
    ADD CONSTRAINT contactcenter_announcement_major_incident_id_key UNIQUE (major_incident_id);


--
-- Name: contactcenter_announcement contactcenter_announcement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement
    ADD CONSTRAINT contactcenter_announcement_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_announcement_services contactcenter_announcement_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_services
    ADD CONSTRAINT contactcenter_announcement_services_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_call contactcenter_call_call_sid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_call_sid_key UNIQUE (call_sid);


--
-- Name: contactcenter_call contactcenter_call_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_callback contactcenter_callback_call_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callback
    ADD CONSTRAINT contactcenter_callback_call_id_key UNIQUE (call_id);


--
-- Name: contactcenter_callback contactcenter_callback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callback
    ADD CONSTRAINT contactcenter_callback_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_callevent contactcenter_callevent_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callevent
    ADD CONSTRAINT contactcenter_callevent_once UNIQUE (call_id, sequence);


--
-- Name: contactcenter_callevent contactcenter_callevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callevent
    ADD CONSTRAINT contactcenter_callevent_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_callrecording contactcenter_callrecording_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callrecording
    ADD CONSTRAINT contactcenter_callrecording_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_callrecording contactcenter_callrecording_recording_sid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callrecording
    ADD CONSTRAINT contactcenter_callrecording_recording_sid_key UNIQUE (recording_sid);


--
-- Name: contactcenter_calltransfer contactcenter_calltransfer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_calltransfer
    ADD CONSTRAINT contactcenter_calltransfer_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_conference contactcenter_conference_call_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conference
    ADD CONSTRAINT contactcenter_conference_call_id_key UNIQUE (call_id);


--
-- Name: contactcenter_conference contactcenter_conference_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conference
    ADD CONSTRAINT contactcenter_conference_name_key UNIQUE (name);


--
-- Name: contactcenter_conference contactcenter_conference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conference
    ADD CONSTRAINT contactcenter_conference_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_conferenceevent contactcenter_conferenceevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceevent
    ADD CONSTRAINT contactcenter_conferenceevent_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_conferenceleg contactcenter_conferenceleg_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceleg
    ADD CONSTRAINT contactcenter_conferenceleg_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_diallist contactcenter_diallist_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallist
    ADD CONSTRAINT contactcenter_diallist_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_diallistentry contactcenter_diallistentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_diallistentry_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_evaluation contactcenter_evaluation_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evaluation_once UNIQUE (call_id, evaluator_id);


--
-- Name: contactcenter_evaluation contactcenter_evaluation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evaluation_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_evaluationanswer contactcenter_evaluationanswer_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationanswer
    ADD CONSTRAINT contactcenter_evaluationanswer_once UNIQUE (evaluation_id, question_id);


--
-- Name: contactcenter_evaluationanswer contactcenter_evaluationanswer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationanswer
    ADD CONSTRAINT contactcenter_evaluationanswer_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_evaluationform contactcenter_evaluationform_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationform
    ADD CONSTRAINT contactcenter_evaluationform_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_evaluationquestion contactcenter_evaluationquestion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationquestion
    ADD CONSTRAINT contactcenter_evaluationquestion_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_historicalannouncement_lines contactcenter_historicalannouncement_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalannouncement_lines
    ADD CONSTRAINT contactcenter_historicalannouncement_lines_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: contactcenter_historicalannouncement contactcenter_historicalannouncement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalannouncement
    ADD CONSTRAINT contactcenter_historicalannouncement_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalannouncement_services contactcenter_historicalannouncement_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalannouncement_services
    ADD CONSTRAINT contactcenter_historicalannouncement_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: contactcenter_historicalcallback contactcenter_historicalcallback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalcallback
    ADD CONSTRAINT contactcenter_historicalcallback_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalcallrecording contactcenter_historicalcallrecording_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalcallrecording
    ADD CONSTRAINT contactcenter_historicalcallrecording_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalconference contactcenter_historicalconference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconference
    ADD CONSTRAINT contactcenter_historicalconference_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalconferenceevent contactcenter_historicalconferenceevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconferenceevent
    ADD CONSTRAINT contactcenter_historicalconferenceevent_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalconferenceleg contactcenter_historicalconferenceleg_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconferenceleg
    ADD CONSTRAINT contactcenter_historicalconferenceleg_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicaldiallist contactcenter_historicaldiallist_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaldiallist
    ADD CONSTRAINT contactcenter_historicaldiallist_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicaldiallistentry contactcenter_historicaldiallistentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaldiallistentry
    ADD CONSTRAINT contactcenter_historicaldiallistentry_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalevaluation contactcenter_historicalevaluation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluation
    ADD CONSTRAINT contactcenter_historicalevaluation_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalevaluationanswer contactcenter_historicalevaluationanswer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationanswer
    ADD CONSTRAINT contactcenter_historicalevaluationanswer_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalevaluationform contactcenter_historicalevaluationform_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationform
    ADD CONSTRAINT contactcenter_historicalevaluationform_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalevaluationquestion contactcenter_historicalevaluationquestion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationquestion
    ADD CONSTRAINT contactcenter_historicalevaluationquestion_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalline contactcenter_historicalline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalline
    ADD CONSTRAINT contactcenter_historicalline_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalmenuoption contactcenter_historicalmenuoption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalmenuoption
    ADD CONSTRAINT contactcenter_historicalmenuoption_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalpromptrecording contactcenter_historicalpromptrecording_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalpromptrecording
    ADD CONSTRAINT contactcenter_historicalpromptrecording_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalpromptrecordingsession contactcenter_historicalpromptrecordingsession_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalpromptrecordingsession
    ADD CONSTRAINT contactcenter_historicalpromptrecordingsession_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalprovider contactcenter_historicalprovider_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalprovider
    ADD CONSTRAINT contactcenter_historicalprovider_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalqueue contactcenter_historicalqueue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalqueue
    ADD CONSTRAINT contactcenter_historicalqueue_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalsupervisionaction contactcenter_historicalsupervisionaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalsupervisionaction
    ADD CONSTRAINT contactcenter_historicalsupervisionaction_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicalteamprovider contactcenter_historicalteamprovider_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalteamprovider
    ADD CONSTRAINT contactcenter_historicalteamprovider_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicaltemporaryagent contactcenter_historicaltemporaryagent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaltemporaryagent
    ADD CONSTRAINT contactcenter_historicaltemporaryagent_pkey PRIMARY KEY (history_id);


--
-- Name: contactcenter_historicaltemporaryagent_queues contactcenter_historicaltemporaryagent_queues_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaltemporaryagent_queues
    ADD CONSTRAINT contactcenter_historicaltemporaryagent_queues_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: contactcenter_line contactcenter_line_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_line
    ADD CONSTRAINT contactcenter_line_number_key UNIQUE (number);


--
-- Name: contactcenter_line contactcenter_line_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_line
    ADD CONSTRAINT contactcenter_line_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_menuoption contactcenter_menuoption_digit; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_menuoption
    ADD CONSTRAINT contactcenter_menuoption_digit UNIQUE (line_id, digit);


--
-- Name: contactcenter_menuoption contactcenter_menuoption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_menuoption
    ADD CONSTRAINT contactcenter_menuoption_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_promptrecording contactcenter_promptrecording_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecording
    ADD CONSTRAINT contactcenter_promptrecording_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_promptrecordingsession contactcenter_promptrecordingsession_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecordingsession
    ADD CONSTRAINT contactcenter_promptrecordingsession_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_provider contactcenter_provider_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_provider
    ADD CONSTRAINT contactcenter_provider_name_key UNIQUE (name);


--
-- Name: contactcenter_provider contactcenter_provider_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_provider
    ADD CONSTRAINT contactcenter_provider_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_queue contactcenter_queue_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_queue
    ADD CONSTRAINT contactcenter_queue_name_key UNIQUE (name);


--
-- Name: contactcenter_queue contactcenter_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_queue
    ADD CONSTRAINT contactcenter_queue_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_supervisionaction contactcenter_supervisionaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_supervisionaction
    ADD CONSTRAINT contactcenter_supervisionaction_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_teamprovider contactcenter_teamprovider_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_teamprovider
    ADD CONSTRAINT contactcenter_teamprovider_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_teamprovider contactcenter_teamprovider_team_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_teamprovider
    ADD CONSTRAINT contactcenter_teamprovider_team_id_key UNIQUE (team_id);


--
-- Name: contactcenter_telephonyrequest contactcenter_telephonyrequest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_telephonyrequest
    ADD CONSTRAINT contactcenter_telephonyrequest_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_temporaryagent_queues contactcenter_temporarya_temporaryagent_id_queue__4d1fe1cb_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent_queues
    ADD CONSTRAINT contactcenter_temporarya_temporaryagent_id_queue__4d1fe1cb_uniq UNIQUE (temporaryagent_id, queue_id);


--
-- Name: contactcenter_temporaryagent contactcenter_temporaryagent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent
    ADD CONSTRAINT contactcenter_temporaryagent_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_temporaryagent_queues contactcenter_temporaryagent_queues_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent_queues
    ADD CONSTRAINT contactcenter_temporaryagent_queues_pkey PRIMARY KEY (id);


--
-- Name: core_historicalsavedview core_historicalsavedview_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_historicalsavedview
    ADD CONSTRAINT core_historicalsavedview_pkey PRIMARY KEY (history_id);


--
-- Name: core_savedview core_savedview_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_savedview
    ADD CONSTRAINT core_savedview_pkey PRIMARY KEY (id);


--
-- Name: core_savedview core_savedview_unique_name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_savedview
    ADD CONSTRAINT core_savedview_unique_name UNIQUE (owner_id, list_key, name);


--
-- Name: crm_complaint_incidents crm_complaint_incidents_complaint_id_incident_id_d59f585a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint_incidents
    ADD CONSTRAINT crm_complaint_incidents_complaint_id_incident_id_d59f585a_uniq UNIQUE (complaint_id, incident_id);


--
-- Name: crm_complaint_incidents crm_complaint_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint_incidents
    ADD CONSTRAINT crm_complaint_incidents_pkey PRIMARY KEY (id);


--
-- Name: crm_complaint crm_complaint_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_number_key UNIQUE (number);


--
-- Name: crm_complaint crm_complaint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_pkey PRIMARY KEY (id);


--
-- Name: crm_historicalcomplaint crm_historicalcomplaint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_historicalcomplaint
    ADD CONSTRAINT crm_historicalcomplaint_pkey PRIMARY KEY (history_id);


--
-- Name: crm_historicalopportunity crm_historicalopportunity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_historicalopportunity
    ADD CONSTRAINT crm_historicalopportunity_pkey PRIMARY KEY (history_id);


--
-- Name: crm_opportunity crm_opportunity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_pkey PRIMARY KEY (id);


--
-- Name: crm_survey crm_survey_one_per_ticket; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_one_per_ticket UNIQUE (ticket_kind, ticket_id);


--
-- Name: crm_survey crm_survey_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_pkey PRIMARY KEY (id);


--
-- Name: contactcenter_diallistentry dial_entry_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT dial_entry_number UNIQUE (dial_list_id, number);


--
-- Name: django_admin_log django_admin_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_pkey PRIMARY KEY (id);


--
-- Name: django_content_type django_content_type_app_label_model_76bd3d3b_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_app_label_model_76bd3d3b_uniq UNIQUE (app_label, model);


--
-- Name: django_content_type django_content_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_pkey PRIMARY KEY (id);


--
-- Name: django_migrations django_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);


--
-- Name: django_session django_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_session
    ADD CONSTRAINT django_session_pkey PRIMARY KEY (session_key);


--
-- Name: incidents_attachment incidents_attachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_attachment
    ADD CONSTRAINT incidents_attachment_pkey PRIMARY KEY (id);


--
-- Name: incidents_demandsignal incidents_demandsignal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_demandsignal
    ADD CONSTRAINT incidents_demandsignal_pkey PRIMARY KEY (id);


--
-- Name: incidents_historicalattachment incidents_historicalattachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalattachment
    ADD CONSTRAINT incidents_historicalattachment_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalincident incidents_historicalincident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalincident
    ADD CONSTRAINT incidents_historicalincident_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalincidentnote incidents_historicalincidentnote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalincidentnote
    ADD CONSTRAINT incidents_historicalincidentnote_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalmajorincident incidents_historicalmajorincident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincident
    ADD CONSTRAINT incidents_historicalmajorincident_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalmajorincidentmember incidents_historicalmajorincidentmember_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincidentmember
    ADD CONSTRAINT incidents_historicalmajorincidentmember_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalmajorincidenttask incidents_historicalmajorincidenttask_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincidenttask
    ADD CONSTRAINT incidents_historicalmajorincidenttask_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalpostmortem incidents_historicalpostmortem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalpostmortem
    ADD CONSTRAINT incidents_historicalpostmortem_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalprioritymatrix incidents_historicalprioritymatrix_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalprioritymatrix
    ADD CONSTRAINT incidents_historicalprioritymatrix_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalspikealert incidents_historicalspikealert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalspikealert
    ADD CONSTRAINT incidents_historicalspikealert_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalspikerule incidents_historicalspikerule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalspikerule
    ADD CONSTRAINT incidents_historicalspikerule_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_historicalstakeholderupdate incidents_historicalstakeholderupdate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalstakeholderupdate
    ADD CONSTRAINT incidents_historicalstakeholderupdate_pkey PRIMARY KEY (history_id);


--
-- Name: incidents_incident incidents_incident_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_number_key UNIQUE (number);


--
-- Name: incidents_incident incidents_incident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_pkey PRIMARY KEY (id);


--
-- Name: incidents_incidentnote incidents_incidentnote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incidentnote
    ADD CONSTRAINT incidents_incidentnote_pkey PRIMARY KEY (id);


--
-- Name: incidents_majorincident_services incidents_majorincident__majorincident_id_service_2be8c24f_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident_services
    ADD CONSTRAINT incidents_majorincident__majorincident_id_service_2be8c24f_uniq UNIQUE (majorincident_id, service_id);


--
-- Name: incidents_majorincident incidents_majorincident_incident_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident
    ADD CONSTRAINT incidents_majorincident_incident_id_key UNIQUE (incident_id);


--
-- Name: incidents_majorincident incidents_majorincident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident
    ADD CONSTRAINT incidents_majorincident_pkey PRIMARY KEY (id);


--
-- Name: incidents_majorincident_services incidents_majorincident_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident_services
    ADD CONSTRAINT incidents_majorincident_services_pkey PRIMARY KEY (id);


--
-- Name: incidents_majorincidentmember incidents_majorincidentmember_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidentmember
    ADD CONSTRAINT incidents_majorincidentmember_once UNIQUE (major_incident_id, user_id);


--
-- Name: incidents_majorincidentmember incidents_majorincidentmember_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidentmember
    ADD CONSTRAINT incidents_majorincidentmember_pkey PRIMARY KEY (id);


--
-- Name: incidents_majorincidenttask incidents_majorincidenttask_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidenttask
    ADD CONSTRAINT incidents_majorincidenttask_pkey PRIMARY KEY (id);


--
-- Name: incidents_postmortem incidents_postmortem_major_incident_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_postmortem
    ADD CONSTRAINT incidents_postmortem_major_incident_id_key UNIQUE (major_incident_id);


--
-- Name: incidents_postmortem incidents_postmortem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_postmortem
    ADD CONSTRAINT incidents_postmortem_pkey PRIMARY KEY (id);


--
-- Name: incidents_prioritymatrix incidents_prioritymatrix_cell; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_prioritymatrix
    ADD CONSTRAINT incidents_prioritymatrix_cell UNIQUE (impact, urgency);


--
-- Name: incidents_prioritymatrix incidents_prioritymatrix_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_prioritymatrix
    ADD CONSTRAINT incidents_prioritymatrix_pkey PRIMARY KEY (id);


--
-- Name: incidents_spikealert incidents_spikealert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_pkey PRIMARY KEY (id);


--
-- Name: incidents_spikerule_notify incidents_spikerule_notify_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule_notify
    ADD CONSTRAINT incidents_spikerule_notify_pkey PRIMARY KEY (id);


--
-- Name: incidents_spikerule_notify incidents_spikerule_notify_spikerule_id_user_id_2faf33b5_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule_notify
    ADD CONSTRAINT incidents_spikerule_notify_spikerule_id_user_id_2faf33b5_uniq UNIQUE (spikerule_id, user_id);


--
-- Name: incidents_spikerule incidents_spikerule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule
    ADD CONSTRAINT incidents_spikerule_pkey PRIMARY KEY (id);


--
-- Name: incidents_stakeholderupdate incidents_stakeholderupdate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_stakeholderupdate
    ADD CONSTRAINT incidents_stakeholderupdate_pkey PRIMARY KEY (id);


--
-- Name: incidents_timelineevent incidents_timelineevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_timelineevent
    ADD CONSTRAINT incidents_timelineevent_pkey PRIMARY KEY (id);


--
-- Name: knowledge_article knowledge_article_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_number_key UNIQUE (number);


--
-- Name: knowledge_article knowledge_article_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_pkey PRIMARY KEY (id);


--
-- Name: knowledge_article_services knowledge_article_services_article_id_service_id_18cbc6c0_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article_services
    ADD CONSTRAINT knowledge_article_services_article_id_service_id_18cbc6c0_uniq UNIQUE (article_id, service_id);


--
-- Name: knowledge_article_services knowledge_article_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article_services
    ADD CONSTRAINT knowledge_article_services_pkey PRIMARY KEY (id);


--
-- Name: knowledge_articlefeedback knowledge_articlefeedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articlefeedback
    ADD CONSTRAINT knowledge_articlefeedback_pkey PRIMARY KEY (id);


--
-- Name: knowledge_articleimage knowledge_articleimage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleimage
    ADD CONSTRAINT knowledge_articleimage_pkey PRIMARY KEY (id);


--
-- Name: knowledge_articleversion knowledge_articleversion_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleversion
    ADD CONSTRAINT knowledge_articleversion_once UNIQUE (article_id, version);


--
-- Name: knowledge_articleversion knowledge_articleversion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleversion
    ADD CONSTRAINT knowledge_articleversion_pkey PRIMARY KEY (id);


--
-- Name: knowledge_historicalarticle knowledge_historicalarticle_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_historicalarticle
    ADD CONSTRAINT knowledge_historicalarticle_pkey PRIMARY KEY (history_id);


--
-- Name: knowledge_historicalarticle_services knowledge_historicalarticle_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_historicalarticle_services
    ADD CONSTRAINT knowledge_historicalarticle_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: knowledge_searchmiss knowledge_searchmiss_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_searchmiss
    ADD CONSTRAINT knowledge_searchmiss_once UNIQUE (query, language);


--
-- Name: knowledge_searchmiss knowledge_searchmiss_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_searchmiss
    ADD CONSTRAINT knowledge_searchmiss_pkey PRIMARY KEY (id);


--
-- Name: kpis_agentdaily kpis_agentdaily_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_agentdaily
    ADD CONSTRAINT kpis_agentdaily_key UNIQUE (start, agent_id);


--
-- Name: kpis_agentdaily kpis_agentdaily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_agentdaily
    ADD CONSTRAINT kpis_agentdaily_pkey PRIMARY KEY (id);


--
-- Name: kpis_agentinterval kpis_agentinterval_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_agentinterval
    ADD CONSTRAINT kpis_agentinterval_key UNIQUE (start, agent_id);


--
-- Name: kpis_agentinterval kpis_agentinterval_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_agentinterval
    ADD CONSTRAINT kpis_agentinterval_pkey PRIMARY KEY (id);


--
-- Name: kpis_arrivalhour kpis_arrivalhour_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_arrivalhour
    ADD CONSTRAINT kpis_arrivalhour_key UNIQUE (start, queue_id, service_id);


--
-- Name: kpis_arrivalhour kpis_arrivalhour_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_arrivalhour
    ADD CONSTRAINT kpis_arrivalhour_pkey PRIMARY KEY (id);


--
-- Name: kpis_calldaily kpis_calldaily_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_calldaily
    ADD CONSTRAINT kpis_calldaily_key UNIQUE (start, queue_id, agent_id, service_id);


--
-- Name: kpis_calldaily kpis_calldaily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_calldaily
    ADD CONSTRAINT kpis_calldaily_pkey PRIMARY KEY (id);


--
-- Name: kpis_callinterval kpis_callinterval_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_callinterval
    ADD CONSTRAINT kpis_callinterval_key UNIQUE (start, queue_id, agent_id, service_id);


--
-- Name: kpis_callinterval kpis_callinterval_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_callinterval
    ADD CONSTRAINT kpis_callinterval_pkey PRIMARY KEY (id);


--
-- Name: kpis_deskdaily kpis_deskdaily_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_deskdaily
    ADD CONSTRAINT kpis_deskdaily_key UNIQUE (day);


--
-- Name: kpis_deskdaily kpis_deskdaily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_deskdaily
    ADD CONSTRAINT kpis_deskdaily_pkey PRIMARY KEY (id);


--
-- Name: kpis_incidentdaily kpis_incidentdaily_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_incidentdaily
    ADD CONSTRAINT kpis_incidentdaily_key UNIQUE (day, team_id, service_id, priority, channel);


--
-- Name: kpis_incidentdaily kpis_incidentdaily_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kpis_incidentdaily
    ADD CONSTRAINT kpis_incidentdaily_pkey PRIMARY KEY (id);


--
-- Name: mail_historicalmailbox mail_historicalmailbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_historicalmailbox
    ADD CONSTRAINT mail_historicalmailbox_pkey PRIMARY KEY (history_id);


--
-- Name: mail_mailbox mail_mailbox_address_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailbox
    ADD CONSTRAINT mail_mailbox_address_key UNIQUE (address);


--
-- Name: mail_mailbox mail_mailbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailbox
    ADD CONSTRAINT mail_mailbox_pkey PRIMARY KEY (id);


--
-- Name: mail_mailmessage mail_mailmessage_message_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_message_id UNIQUE (message_id);


--
-- Name: mail_mailmessage mail_mailmessage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_pkey PRIMARY KEY (id);


--
-- Name: monitoring_alert monitoring_alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_pkey PRIMARY KEY (id);


--
-- Name: monitoring_alertrule monitoring_alertrule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertrule
    ADD CONSTRAINT monitoring_alertrule_pkey PRIMARY KEY (id);


--
-- Name: monitoring_alertsource monitoring_alertsource_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertsource
    ADD CONSTRAINT monitoring_alertsource_name_key UNIQUE (name);


--
-- Name: monitoring_alertsource monitoring_alertsource_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertsource
    ADD CONSTRAINT monitoring_alertsource_pkey PRIMARY KEY (id);


--
-- Name: monitoring_historicalalertrule monitoring_historicalalertrule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_historicalalertrule
    ADD CONSTRAINT monitoring_historicalalertrule_pkey PRIMARY KEY (history_id);


--
-- Name: monitoring_historicalalertsource monitoring_historicalalertsource_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_historicalalertsource
    ADD CONSTRAINT monitoring_historicalalertsource_pkey PRIMARY KEY (history_id);


--
-- Name: notifications_delivery notifications_delivery_idempotency_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_delivery
    ADD CONSTRAINT notifications_delivery_idempotency_key_key UNIQUE (idempotency_key);


--
-- Name: notifications_delivery notifications_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_delivery
    ADD CONSTRAINT notifications_delivery_pkey PRIMARY KEY (id);


--
-- Name: notifications_historicalmessagetemplate notifications_historicalmessagetemplate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_historicalmessagetemplate
    ADD CONSTRAINT notifications_historicalmessagetemplate_pkey PRIMARY KEY (history_id);


--
-- Name: notifications_historicalstakeholdergroup_members notifications_historicalstakeholdergroup_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_historicalstakeholdergroup_members
    ADD CONSTRAINT notifications_historicalstakeholdergroup_members_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: notifications_historicalstakeholdergroup notifications_historicalstakeholdergroup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_historicalstakeholdergroup
    ADD CONSTRAINT notifications_historicalstakeholdergroup_pkey PRIMARY KEY (history_id);


--
-- Name: notifications_messagetemplate notifications_messagetemplate_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_messagetemplate
    ADD CONSTRAINT notifications_messagetemplate_key_key UNIQUE (key);


--
-- Name: notifications_messagetemplate notifications_messagetemplate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_messagetemplate
    ADD CONSTRAINT notifications_messagetemplate_pkey PRIMARY KEY (id);


--
-- Name: notifications_notification notifications_notification_delivery_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_notification
    ADD CONSTRAINT notifications_notification_delivery_id_key UNIQUE (delivery_id);


--
-- Name: notifications_notification notifications_notification_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_notification
    ADD CONSTRAINT notifications_notification_pkey PRIMARY KEY (id);


--
-- Name: notifications_smsmessage notifications_smsmessage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_smsmessage
    ADD CONSTRAINT notifications_smsmessage_pkey PRIMARY KEY (id);


--
-- Name: notifications_stakeholdergroup_services notifications_stakeholde_stakeholdergroup_id_serv_2650a452_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_services
    ADD CONSTRAINT notifications_stakeholde_stakeholdergroup_id_serv_2650a452_uniq UNIQUE (stakeholdergroup_id, service_id);


--
-- Name: notifications_stakeholdergroup_members notifications_stakeholde_stakeholdergroup_id_user_6869ab78_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_members
    ADD CONSTRAINT notifications_stakeholde_stakeholdergroup_id_user_6869ab78_uniq UNIQUE (stakeholdergroup_id, user_id);


--
-- Name: notifications_stakeholdergroup_members notifications_stakeholdergroup_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_members
    ADD CONSTRAINT notifications_stakeholdergroup_members_pkey PRIMARY KEY (id);


--
-- Name: notifications_stakeholdergroup notifications_stakeholdergroup_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup
    ADD CONSTRAINT notifications_stakeholdergroup_name_key UNIQUE (name);


--
-- Name: notifications_stakeholdergroup notifications_stakeholdergroup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup
    ADD CONSTRAINT notifications_stakeholdergroup_pkey PRIMARY KEY (id);


--
-- Name: notifications_stakeholdergroup_services notifications_stakeholdergroup_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_services
    ADD CONSTRAINT notifications_stakeholdergroup_services_pkey PRIMARY KEY (id);


--
-- Name: problems_historicalknownerror_cis problems_historicalknownerror_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalknownerror_cis
    ADD CONSTRAINT problems_historicalknownerror_cis_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: problems_historicalknownerror problems_historicalknownerror_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalknownerror
    ADD CONSTRAINT problems_historicalknownerror_pkey PRIMARY KEY (history_id);


--
-- Name: problems_historicalknownerror_services problems_historicalknownerror_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalknownerror_services
    ADD CONSTRAINT problems_historicalknownerror_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: problems_historicalproblem_cis problems_historicalproblem_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblem_cis
    ADD CONSTRAINT problems_historicalproblem_cis_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: problems_historicalproblem_incidents problems_historicalproblem_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblem_incidents
    ADD CONSTRAINT problems_historicalproblem_incidents_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: problems_historicalproblem problems_historicalproblem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblem
    ADD CONSTRAINT problems_historicalproblem_pkey PRIMARY KEY (history_id);


--
-- Name: problems_historicalproblem_services problems_historicalproblem_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblem_services
    ADD CONSTRAINT problems_historicalproblem_services_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: problems_historicalproblemcandidate problems_historicalproblemcandidate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblemcandidate
    ADD CONSTRAINT problems_historicalproblemcandidate_pkey PRIMARY KEY (history_id);


--
-- Name: problems_knownerror_cis problems_knownerror_cis_knownerror_id_configurat_2047b180_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_cis
    ADD CONSTRAINT problems_knownerror_cis_knownerror_id_configurat_2047b180_uniq UNIQUE (knownerror_id, configurationitem_id);


--
-- Name: problems_knownerror_cis problems_knownerror_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_cis
    ADD CONSTRAINT problems_knownerror_cis_pkey PRIMARY KEY (id);


--
-- Name: problems_knownerror problems_knownerror_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror
    ADD CONSTRAINT problems_knownerror_number_key UNIQUE (number);


--
-- Name: problems_knownerror problems_knownerror_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror
    ADD CONSTRAINT problems_knownerror_pkey PRIMARY KEY (id);


--
-- Name: problems_knownerror problems_knownerror_problem_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror
    ADD CONSTRAINT problems_knownerror_problem_id_key UNIQUE (problem_id);


--
-- Name: problems_knownerror_services problems_knownerror_serv_knownerror_id_service_id_21366054_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_services
    ADD CONSTRAINT problems_knownerror_serv_knownerror_id_service_id_21366054_uniq UNIQUE (knownerror_id, service_id);


--
-- Name: problems_knownerror_services problems_knownerror_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_services
    ADD CONSTRAINT problems_knownerror_services_pkey PRIMARY KEY (id);


--
-- Name: problems_problem_cis problems_problem_cis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_cis
    ADD CONSTRAINT problems_problem_cis_pkey PRIMARY KEY (id);


--
-- Name: problems_problem_cis problems_problem_cis_problem_id_configuration_800307f0_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_cis
    ADD CONSTRAINT problems_problem_cis_problem_id_configuration_800307f0_uniq UNIQUE (problem_id, configurationitem_id);


--
-- Name: problems_problem_incidents problems_problem_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_incidents
    ADD CONSTRAINT problems_problem_incidents_pkey PRIMARY KEY (id);


--
-- Name: problems_problem_incidents problems_problem_incidents_problem_id_incident_id_94be73ff_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_incidents
    ADD CONSTRAINT problems_problem_incidents_problem_id_incident_id_94be73ff_uniq UNIQUE (problem_id, incident_id);


--
-- Name: problems_problem problems_problem_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_number_key UNIQUE (number);


--
-- Name: problems_problem problems_problem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_pkey PRIMARY KEY (id);


--
-- Name: problems_problem_services problems_problem_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_services
    ADD CONSTRAINT problems_problem_services_pkey PRIMARY KEY (id);


--
-- Name: problems_problem_services problems_problem_services_problem_id_service_id_f51ace45_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_services
    ADD CONSTRAINT problems_problem_services_problem_id_service_id_f51ace45_uniq UNIQUE (problem_id, service_id);


--
-- Name: problems_problemcandidate_incidents problems_problemcandidat_problemcandidate_id_inci_5100aa35_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate_incidents
    ADD CONSTRAINT problems_problemcandidat_problemcandidate_id_inci_5100aa35_uniq UNIQUE (problemcandidate_id, incident_id);


--
-- Name: problems_problemcandidate_incidents problems_problemcandidate_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate_incidents
    ADD CONSTRAINT problems_problemcandidate_incidents_pkey PRIMARY KEY (id);


--
-- Name: problems_problemcandidate problems_problemcandidate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate
    ADD CONSTRAINT problems_problemcandidate_pkey PRIMARY KEY (id);


--
-- Name: problems_workaroundapplication problems_workaroundapplication_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_workaroundapplication
    ADD CONSTRAINT problems_workaroundapplication_once UNIQUE (known_error_id, incident_id);


--
-- Name: problems_workaroundapplication problems_workaroundapplication_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_workaroundapplication
    ADD CONSTRAINT problems_workaroundapplication_pkey PRIMARY KEY (id);


--
-- Name: requests_approval requests_approval_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_approval
    ADD CONSTRAINT requests_approval_once UNIQUE (request_id, level, approver_id);


--
-- Name: requests_approval requests_approval_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_approval
    ADD CONSTRAINT requests_approval_pkey PRIMARY KEY (id);


--
-- Name: requests_catalogitem requests_catalogitem_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem
    ADD CONSTRAINT requests_catalogitem_name_key UNIQUE (name);


--
-- Name: requests_catalogitem requests_catalogitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem
    ADD CONSTRAINT requests_catalogitem_pkey PRIMARY KEY (id);


--
-- Name: requests_catalogitem_teams requests_catalogitem_teams_catalogitem_id_team_id_f171b650_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem_teams
    ADD CONSTRAINT requests_catalogitem_teams_catalogitem_id_team_id_f171b650_uniq UNIQUE (catalogitem_id, team_id);


--
-- Name: requests_catalogitem_teams requests_catalogitem_teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem_teams
    ADD CONSTRAINT requests_catalogitem_teams_pkey PRIMARY KEY (id);


--
-- Name: requests_fulfilmenttask requests_fulfilmenttask_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_fulfilmenttask
    ADD CONSTRAINT requests_fulfilmenttask_pkey PRIMARY KEY (id);


--
-- Name: requests_historicalapproval requests_historicalapproval_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalapproval
    ADD CONSTRAINT requests_historicalapproval_pkey PRIMARY KEY (history_id);


--
-- Name: requests_historicalcatalogitem requests_historicalcatalogitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalcatalogitem
    ADD CONSTRAINT requests_historicalcatalogitem_pkey PRIMARY KEY (history_id);


--
-- Name: requests_historicalcatalogitem_teams requests_historicalcatalogitem_teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalcatalogitem_teams
    ADD CONSTRAINT requests_historicalcatalogitem_teams_pkey PRIMARY KEY (m2m_history_id);


--
-- Name: requests_historicalfulfilmenttask requests_historicalfulfilmenttask_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalfulfilmenttask
    ADD CONSTRAINT requests_historicalfulfilmenttask_pkey PRIMARY KEY (history_id);


--
-- Name: requests_historicalservicerequest requests_historicalservicerequest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalservicerequest
    ADD CONSTRAINT requests_historicalservicerequest_pkey PRIMARY KEY (history_id);


--
-- Name: requests_requestcomment requests_requestcomment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_requestcomment
    ADD CONSTRAINT requests_requestcomment_pkey PRIMARY KEY (id);


--
-- Name: requests_servicerequest requests_servicerequest_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequest_number_key UNIQUE (number);


--
-- Name: requests_servicerequest requests_servicerequest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequest_pkey PRIMARY KEY (id);


--
-- Name: sla_businesscalendar sla_businesscalendar_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_businesscalendar
    ADD CONSTRAINT sla_businesscalendar_name_key UNIQUE (name);


--
-- Name: sla_businesscalendar sla_businesscalendar_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_businesscalendar
    ADD CONSTRAINT sla_businesscalendar_pkey PRIMARY KEY (id);


--
-- Name: sla_escalationrule sla_escalationrule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_escalationrule
    ADD CONSTRAINT sla_escalationrule_pkey PRIMARY KEY (id);


--
-- Name: sla_historicalbusinesscalendar sla_historicalbusinesscalendar_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalbusinesscalendar
    ADD CONSTRAINT sla_historicalbusinesscalendar_pkey PRIMARY KEY (history_id);


--
-- Name: sla_historicalescalationrule sla_historicalescalationrule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalescalationrule
    ADD CONSTRAINT sla_historicalescalationrule_pkey PRIMARY KEY (history_id);


--
-- Name: sla_historicalholiday sla_historicalholiday_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalholiday
    ADD CONSTRAINT sla_historicalholiday_pkey PRIMARY KEY (history_id);


--
-- Name: sla_historicalserviceoutage sla_historicalserviceoutage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalserviceoutage
    ADD CONSTRAINT sla_historicalserviceoutage_pkey PRIMARY KEY (history_id);


--
-- Name: sla_historicalslapolicy sla_historicalslapolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalslapolicy
    ADD CONSTRAINT sla_historicalslapolicy_pkey PRIMARY KEY (history_id);


--
-- Name: sla_historicalworkinghours sla_historicalworkinghours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalworkinghours
    ADD CONSTRAINT sla_historicalworkinghours_pkey PRIMARY KEY (history_id);


--
-- Name: sla_holiday sla_holiday_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_holiday
    ADD CONSTRAINT sla_holiday_pkey PRIMARY KEY (id);


--
-- Name: sla_holiday sla_holiday_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_holiday
    ADD CONSTRAINT sla_holiday_unique UNIQUE (calendar_id, date);


--
-- Name: sla_serviceoutage sla_serviceoutage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_serviceoutage
    ADD CONSTRAINT sla_serviceoutage_pkey PRIMARY KEY (id);


--
-- Name: sla_slaescalation sla_slaescalation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaescalation
    ADD CONSTRAINT sla_slaescalation_pkey PRIMARY KEY (id);


--
-- Name: sla_slaevent sla_slaevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaevent
    ADD CONSTRAINT sla_slaevent_pkey PRIMARY KEY (id);


--
-- Name: sla_slapolicy sla_slapolicy_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slapolicy
    ADD CONSTRAINT sla_slapolicy_name_key UNIQUE (name);


--
-- Name: sla_slapolicy sla_slapolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slapolicy
    ADD CONSTRAINT sla_slapolicy_pkey PRIMARY KEY (id);


--
-- Name: sla_slatimer sla_slatimer_one_per_metric; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_one_per_metric UNIQUE (content_type_id, object_id, metric);


--
-- Name: sla_slatimer sla_slatimer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_pkey PRIMARY KEY (id);


--
-- Name: sla_ticketapp_demoticket sla_ticketapp_demoticket_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_ticketapp_demoticket
    ADD CONSTRAINT sla_ticketapp_demoticket_pkey PRIMARY KEY (id);


--
-- Name: sla_workinghours sla_workinghours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_workinghours
    ADD CONSTRAINT sla_workinghours_pkey PRIMARY KEY (id);


--
-- Name: statuspage_historicalscheduledmaintenance statuspage_historicalscheduledmaintenance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_historicalscheduledmaintenance
    ADD CONSTRAINT statuspage_historicalscheduledmaintenance_pkey PRIMARY KEY (history_id);


--
-- Name: statuspage_maintenancenotice statuspage_maintenancenotice_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_maintenancenotice
    ADD CONSTRAINT statuspage_maintenancenotice_once UNIQUE (subscriber_id, maintenance_id, starts_at);


--
-- Name: statuspage_maintenancenotice statuspage_maintenancenotice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_maintenancenotice
    ADD CONSTRAINT statuspage_maintenancenotice_pkey PRIMARY KEY (id);


--
-- Name: statuspage_scheduledmaintenance_services statuspage_scheduledmain_scheduledmaintenance_id__a52e2b44_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_scheduledmaintenance_services
    ADD CONSTRAINT statuspage_scheduledmain_scheduledmaintenance_id__a52e2b44_uniq UNIQUE (scheduledmaintenance_id, service_id);


--
-- Name: statuspage_scheduledmaintenance statuspage_scheduledmaintenance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_scheduledmaintenance
    ADD CONSTRAINT statuspage_scheduledmaintenance_pkey PRIMARY KEY (id);


--
-- Name: statuspage_scheduledmaintenance_services statuspage_scheduledmaintenance_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_scheduledmaintenance_services
    ADD CONSTRAINT statuspage_scheduledmaintenance_services_pkey PRIMARY KEY (id);


--
-- Name: statuspage_subscriber statuspage_subscriber_confirm_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber
    ADD CONSTRAINT statuspage_subscriber_confirm_token_key UNIQUE (confirm_token);


--
-- Name: statuspage_subscriber statuspage_subscriber_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber
    ADD CONSTRAINT statuspage_subscriber_pkey PRIMARY KEY (id);


--
-- Name: statuspage_subscriber_services statuspage_subscriber_se_subscriber_id_service_id_b67b43fe_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber_services
    ADD CONSTRAINT statuspage_subscriber_se_subscriber_id_service_id_b67b43fe_uniq UNIQUE (subscriber_id, service_id);


--
-- Name: statuspage_subscriber_services statuspage_subscriber_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber_services
    ADD CONSTRAINT statuspage_subscriber_services_pkey PRIMARY KEY (id);


--
-- Name: statuspage_subscriber statuspage_subscriber_unsubscribe_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber
    ADD CONSTRAINT statuspage_subscriber_unsubscribe_token_key UNIQUE (unsubscribe_token);


--
-- Name: statuspage_subscribernotice statuspage_subscribernotice_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscribernotice
    ADD CONSTRAINT statuspage_subscribernotice_once UNIQUE (subscriber_id, update_id);


--
-- Name: statuspage_subscribernotice statuspage_subscribernotice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscribernotice
    ADD CONSTRAINT statuspage_subscribernotice_pkey PRIMARY KEY (id);


--
-- Name: agent_idle; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agent_idle ON public.contactcenter_agentstate USING btree (state, since);


--
-- Name: agent_log_end; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agent_log_end ON public.contactcenter_agentstatelog USING btree (ended_at);


--
-- Name: agent_log_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX agent_log_open ON public.contactcenter_agentstatelog USING btree (user_id) WHERE (ended_at IS NULL);


--
-- Name: agent_log_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agent_log_start ON public.contactcenter_agentstatelog USING btree (started_at);


--
-- Name: agent_log_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agent_log_user ON public.contactcenter_agentstatelog USING btree (user_id, started_at);


--
-- Name: alert_episodes; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_episodes ON public.monitoring_alert USING btree (source_id, fingerprint, id);


--
-- Name: alert_held; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_held ON public.monitoring_alert USING btree (suppressed_by_change_id) WHERE ((incident_id IS NULL) AND ((status)::text = 'firing'::text) AND (suppressed_by_change_id IS NOT NULL));


--
-- Name: alert_log; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_log ON public.monitoring_alert USING btree (last_received_at DESC, id DESC);


--
-- Name: alert_service_first; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_service_first ON public.monitoring_alert USING btree (service_id, first_received_at);


--
-- Name: approval_inbox; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX approval_inbox ON public.requests_approval USING btree (approver_id, decision);


--
-- Name: auth_group_name_a6ea08ec_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_name_a6ea08ec_like ON public.auth_group USING btree (name varchar_pattern_ops);


--
-- Name: auth_group_permissions_group_id_b120cbf9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id);


--
-- Name: auth_group_permissions_permission_id_84c5c92e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id);


--
-- Name: auth_permission_content_type_id_2f476e4b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_permission_content_type_id_2f476e4b ON public.auth_permission USING btree (content_type_id);


--
-- Name: auth_user_groups_group_id_97559544; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_group_id_97559544 ON public.auth_user_groups USING btree (group_id);


--
-- Name: auth_user_groups_user_id_6a12ed8b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_user_id_6a12ed8b ON public.auth_user_groups USING btree (user_id);


--
-- Name: auth_user_user_permissions_permission_id_1fbb5f2c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_permission_id_1fbb5f2c ON public.auth_user_user_permissions USING btree (permission_id);


--
-- Name: auth_user_user_permissions_user_id_a95ead1b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_user_id_a95ead1b ON public.auth_user_user_permissions USING btree (user_id);


--
-- Name: auth_user_username_6821ab7c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_username_6821ab7c_like ON public.auth_user USING btree (username varchar_pattern_ops);


--
-- Name: authtoken_token_key_10f0b77e_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX authtoken_token_key_10f0b77e_like ON public.authtoken_token USING btree (key varchar_pattern_ops);


--
-- Name: axes_accessattempt_ip_address_10922d9c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_ip_address_10922d9c ON public.axes_accessattempt USING btree (ip_address);


--
-- Name: axes_accessattempt_user_agent_ad89678b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_user_agent_ad89678b ON public.axes_accessattempt USING btree (user_agent);


--
-- Name: axes_accessattempt_user_agent_ad89678b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_user_agent_ad89678b_like ON public.axes_accessattempt USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accessattempt_username_3f2d4ca0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_username_3f2d4ca0 ON public.axes_accessattempt USING btree (username);


--
-- Name: axes_accessattempt_username_3f2d4ca0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_username_3f2d4ca0_like ON public.axes_accessattempt USING btree (username varchar_pattern_ops);


--
-- Name: axes_accessfailurelog_ip_address_2e9f5a7f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_ip_address_2e9f5a7f ON public.axes_accessfailurelog USING btree (ip_address);


--
-- Name: axes_accessfailurelog_user_agent_ea145dda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda ON public.axes_accessfailurelog USING btree (user_agent);


--
-- Name: axes_accessfailurelog_user_agent_ea145dda_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda_like ON public.axes_accessfailurelog USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accessfailurelog_username_a8b7e8a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4 ON public.axes_accessfailurelog USING btree (username);


--
-- Name: axes_accessfailurelog_username_a8b7e8a4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4_like ON public.axes_accessfailurelog USING btree (username varchar_pattern_ops);


--
-- Name: axes_accesslog_ip_address_86b417e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_ip_address_86b417e5 ON public.axes_accesslog USING btree (ip_address);


--
-- Name: axes_accesslog_user_agent_0e659004; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_user_agent_0e659004 ON public.axes_accesslog USING btree (user_agent);


--
-- Name: axes_accesslog_user_agent_0e659004_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_user_agent_0e659004_like ON public.axes_accesslog USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accesslog_username_df93064b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_username_df93064b ON public.axes_accesslog USING btree (username);


--
-- Name: axes_accesslog_username_df93064b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_username_df93064b_like ON public.axes_accesslog USING btree (username varchar_pattern_ops);


--
-- Name: call_agent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_agent ON public.contactcenter_call USING btree (agent_id, started_at);


--
-- Name: call_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_contact ON public.contactcenter_call USING btree (contact_id, started_at);


--
-- Name: call_contact_rated; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_contact_rated ON public.contactcenter_call USING btree (contact_id, started_at) INCLUDE (csat) WHERE (csat IS NOT NULL);


--
-- Name: call_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_customer ON public.contactcenter_call USING btree (customer_id, started_at);


--
-- Name: call_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_from ON public.contactcenter_call USING btree (from_number, started_at);


--
-- Name: call_placed_by; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_placed_by ON public.contactcenter_call USING btree (placed_by_id, started_at) WHERE (placed_by_id IS NOT NULL);


--
-- Name: call_ticket; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_ticket ON public.contactcenter_call USING btree (ticket_kind, ticket_id) WHERE (ticket_id IS NOT NULL);


--
-- Name: call_waiting; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX call_waiting ON public.contactcenter_call USING btree (queue_id, priority DESC, queued_at) WHERE ((agent_id IS NULL) AND (ended_at IS NULL) AND (queued_at IS NOT NULL));


--
-- Name: callback_open_agent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX callback_open_agent ON public.contactcenter_callback USING btree (agent_id) WHERE ((status)::text = ANY ((ARRAY['open'::character varying, 'claimed'::character varying])::text[]));


--
-- Name: callrec_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX callrec_due ON public.contactcenter_callrecording USING btree (delete_after) WHERE (deleted_at IS NULL);


--
-- Name: catalog_agentprofile_manager_id_99b1539f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_agentprofile_manager_id_99b1539f ON public.catalog_agentprofile USING btree (manager_id);


--
-- Name: catalog_agentprofile_skills_agentprofile_id_fc670268; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_agentprofile_skills_agentprofile_id_fc670268 ON public.catalog_agentprofile_skills USING btree (agentprofile_id);


--
-- Name: catalog_agentprofile_skills_skill_id_9f19c5af; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_agentprofile_skills_skill_id_9f19c5af ON public.catalog_agentprofile_skills USING btree (skill_id);


--
-- Name: catalog_cannedreply_global_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX catalog_cannedreply_global_name ON public.catalog_cannedreply USING btree (name) WHERE (team_id IS NULL);


--
-- Name: catalog_cannedreply_team_id_15ba6ab2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_cannedreply_team_id_15ba6ab2 ON public.catalog_cannedreply USING btree (team_id);


--
-- Name: catalog_cirelation_source_id_22c2f106; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_cirelation_source_id_22c2f106 ON public.catalog_cirelation USING btree (source_id);


--
-- Name: catalog_cirelation_target_id_40a22b19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_cirelation_target_id_40a22b19 ON public.catalog_cirelation USING btree (target_id);


--
-- Name: catalog_configurationitem_name_84aafa2c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_configurationitem_name_84aafa2c_like ON public.catalog_configurationitem USING btree (name varchar_pattern_ops);


--
-- Name: catalog_configurationitem_owner_team_id_c894cc92; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_configurationitem_owner_team_id_c894cc92 ON public.catalog_configurationitem USING btree (owner_team_id);


--
-- Name: catalog_configurationitem_service_id_5080a943; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_configurationitem_service_id_5080a943 ON public.catalog_configurationitem USING btree (service_id);


--
-- Name: catalog_contact_customer_id_58439d9a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_customer_id_58439d9a ON public.catalog_contact USING btree (customer_id);


--
-- Name: catalog_contact_email_7f74c6c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_email_7f74c6c0 ON public.catalog_contact USING btree (email);


--
-- Name: catalog_contact_email_7f74c6c0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_email_7f74c6c0_like ON public.catalog_contact USING btree (email varchar_pattern_ops);


--
-- Name: catalog_contact_email_upper; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_email_upper ON public.catalog_contact USING btree (upper((email)::text));


--
-- Name: catalog_contact_name_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_name_id ON public.catalog_contact USING btree (name, id);


--
-- Name: catalog_contact_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contact_search ON public.catalog_contact USING gin (search_vector);


--
-- Name: catalog_contactphone_contact_id_1a930b2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contactphone_contact_id_1a930b2d ON public.catalog_contactphone USING btree (contact_id);


--
-- Name: catalog_contactphone_number_9c6c1779_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_contactphone_number_9c6c1779_like ON public.catalog_contactphone USING btree (number varchar_pattern_ops);


--
-- Name: catalog_customer_account_number_54796068_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_customer_account_number_54796068_like ON public.catalog_customer USING btree (account_number varchar_pattern_ops);


--
-- Name: catalog_customer_name_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_customer_name_id ON public.catalog_customer USING btree (name, id);


--
-- Name: catalog_customer_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_customer_search ON public.catalog_customer USING gin (search_vector);


--
-- Name: catalog_customer_tier; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_customer_tier ON public.catalog_customer USING btree (tier);


--
-- Name: catalog_historicalagentprofile_history_date_dc152a1a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_history_date_dc152a1a ON public.catalog_historicalagentprofile USING btree (history_date);


--
-- Name: catalog_historicalagentprofile_history_user_id_8c572f80; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_history_user_id_8c572f80 ON public.catalog_historicalagentprofile USING btree (history_user_id);


--
-- Name: catalog_historicalagentprofile_id_6c0b7b41; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_id_6c0b7b41 ON public.catalog_historicalagentprofile USING btree (id);


--
-- Name: catalog_historicalagentprofile_manager_id_0a3072d7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_manager_id_0a3072d7 ON public.catalog_historicalagentprofile USING btree (manager_id);


--
-- Name: catalog_historicalagentprofile_skills_agentprofile_id_cad4a3fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_skills_agentprofile_id_cad4a3fb ON public.catalog_historicalagentprofile_skills USING btree (agentprofile_id);


--
-- Name: catalog_historicalagentprofile_skills_history_id_dd9f46b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_skills_history_id_dd9f46b7 ON public.catalog_historicalagentprofile_skills USING btree (history_id);


--
-- Name: catalog_historicalagentprofile_skills_id_b1be41b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_skills_id_b1be41b7 ON public.catalog_historicalagentprofile_skills USING btree (id);


--
-- Name: catalog_historicalagentprofile_skills_skill_id_d9b6bff5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_skills_skill_id_d9b6bff5 ON public.catalog_historicalagentprofile_skills USING btree (skill_id);


--
-- Name: catalog_historicalagentprofile_user_id_4b68b9e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalagentprofile_user_id_4b68b9e5 ON public.catalog_historicalagentprofile USING btree (user_id);


--
-- Name: catalog_historicalcannedreply_history_date_6964315f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcannedreply_history_date_6964315f ON public.catalog_historicalcannedreply USING btree (history_date);


--
-- Name: catalog_historicalcannedreply_history_user_id_3886fc95; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcannedreply_history_user_id_3886fc95 ON public.catalog_historicalcannedreply USING btree (history_user_id);


--
-- Name: catalog_historicalcannedreply_id_913e17d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcannedreply_id_913e17d9 ON public.catalog_historicalcannedreply USING btree (id);


--
-- Name: catalog_historicalcannedreply_team_id_4f70bc51; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcannedreply_team_id_4f70bc51 ON public.catalog_historicalcannedreply USING btree (team_id);


--
-- Name: catalog_historicalcirelation_history_date_7951d298; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcirelation_history_date_7951d298 ON public.catalog_historicalcirelation USING btree (history_date);


--
-- Name: catalog_historicalcirelation_history_user_id_07d6f58d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcirelation_history_user_id_07d6f58d ON public.catalog_historicalcirelation USING btree (history_user_id);


--
-- Name: catalog_historicalcirelation_id_bab878e9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcirelation_id_bab878e9 ON public.catalog_historicalcirelation USING btree (id);


--
-- Name: catalog_historicalcirelation_source_id_e4e5c820; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcirelation_source_id_e4e5c820 ON public.catalog_historicalcirelation USING btree (source_id);


--
-- Name: catalog_historicalcirelation_target_id_ddeaf949; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcirelation_target_id_ddeaf949 ON public.catalog_historicalcirelation USING btree (target_id);


--
-- Name: catalog_historicalconfigurationitem_history_date_481d9ae0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_history_date_481d9ae0 ON public.catalog_historicalconfigurationitem USING btree (history_date);


--
-- Name: catalog_historicalconfigurationitem_history_user_id_31a20a89; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_history_user_id_31a20a89 ON public.catalog_historicalconfigurationitem USING btree (history_user_id);


--
-- Name: catalog_historicalconfigurationitem_id_279e11e2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_id_279e11e2 ON public.catalog_historicalconfigurationitem USING btree (id);


--
-- Name: catalog_historicalconfigurationitem_name_fc725f46; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_name_fc725f46 ON public.catalog_historicalconfigurationitem USING btree (name);


--
-- Name: catalog_historicalconfigurationitem_name_fc725f46_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_name_fc725f46_like ON public.catalog_historicalconfigurationitem USING btree (name varchar_pattern_ops);


--
-- Name: catalog_historicalconfigurationitem_owner_team_id_48e83e67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_owner_team_id_48e83e67 ON public.catalog_historicalconfigurationitem USING btree (owner_team_id);


--
-- Name: catalog_historicalconfigurationitem_service_id_4130cfe8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalconfigurationitem_service_id_4130cfe8 ON public.catalog_historicalconfigurationitem USING btree (service_id);


--
-- Name: catalog_historicalcontact_customer_id_c21311e4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_customer_id_c21311e4 ON public.catalog_historicalcontact USING btree (customer_id);


--
-- Name: catalog_historicalcontact_email_07765e5d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_email_07765e5d ON public.catalog_historicalcontact USING btree (email);


--
-- Name: catalog_historicalcontact_email_07765e5d_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_email_07765e5d_like ON public.catalog_historicalcontact USING btree (email varchar_pattern_ops);


--
-- Name: catalog_historicalcontact_history_date_9197c54c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_history_date_9197c54c ON public.catalog_historicalcontact USING btree (history_date);


--
-- Name: catalog_historicalcontact_history_user_id_ba76b131; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_history_user_id_ba76b131 ON public.catalog_historicalcontact USING btree (history_user_id);


--
-- Name: catalog_historicalcontact_id_bcce4b55; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_id_bcce4b55 ON public.catalog_historicalcontact USING btree (id);


--
-- Name: catalog_historicalcontact_user_id_bd053fc5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontact_user_id_bd053fc5 ON public.catalog_historicalcontact USING btree (user_id);


--
-- Name: catalog_historicalcontactphone_contact_id_cb4c7c6d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_contact_id_cb4c7c6d ON public.catalog_historicalcontactphone USING btree (contact_id);


--
-- Name: catalog_historicalcontactphone_history_date_5de356d5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_history_date_5de356d5 ON public.catalog_historicalcontactphone USING btree (history_date);


--
-- Name: catalog_historicalcontactphone_history_user_id_4b7405a5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_history_user_id_4b7405a5 ON public.catalog_historicalcontactphone USING btree (history_user_id);


--
-- Name: catalog_historicalcontactphone_id_cae4983f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_id_cae4983f ON public.catalog_historicalcontactphone USING btree (id);


--
-- Name: catalog_historicalcontactphone_number_f0dc5116; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_number_f0dc5116 ON public.catalog_historicalcontactphone USING btree (number);


--
-- Name: catalog_historicalcontactphone_number_f0dc5116_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcontactphone_number_f0dc5116_like ON public.catalog_historicalcontactphone USING btree (number varchar_pattern_ops);


--
-- Name: catalog_historicalcustomer_account_number_f9b81e21; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcustomer_account_number_f9b81e21 ON public.catalog_historicalcustomer USING btree (account_number);


--
-- Name: catalog_historicalcustomer_account_number_f9b81e21_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcustomer_account_number_f9b81e21_like ON public.catalog_historicalcustomer USING btree (account_number varchar_pattern_ops);


--
-- Name: catalog_historicalcustomer_history_date_92d17229; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcustomer_history_date_92d17229 ON public.catalog_historicalcustomer USING btree (history_date);


--
-- Name: catalog_historicalcustomer_history_user_id_d475de13; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcustomer_history_user_id_d475de13 ON public.catalog_historicalcustomer USING btree (history_user_id);


--
-- Name: catalog_historicalcustomer_id_9b1f891f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalcustomer_id_9b1f891f ON public.catalog_historicalcustomer USING btree (id);


--
-- Name: catalog_historicalservice_history_date_1367ebbc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_history_date_1367ebbc ON public.catalog_historicalservice USING btree (history_date);


--
-- Name: catalog_historicalservice_history_user_id_2fe51a9f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_history_user_id_2fe51a9f ON public.catalog_historicalservice USING btree (history_user_id);


--
-- Name: catalog_historicalservice_id_3728833c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_id_3728833c ON public.catalog_historicalservice USING btree (id);


--
-- Name: catalog_historicalservice_name_2853e8ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_name_2853e8ae ON public.catalog_historicalservice USING btree (name);


--
-- Name: catalog_historicalservice_name_2853e8ae_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_name_2853e8ae_like ON public.catalog_historicalservice USING btree (name varchar_pattern_ops);


--
-- Name: catalog_historicalservice_owner_team_id_a55e4964; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalservice_owner_team_id_a55e4964 ON public.catalog_historicalservice USING btree (owner_team_id);


--
-- Name: catalog_historicalskill_history_date_97954bb3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalskill_history_date_97954bb3 ON public.catalog_historicalskill USING btree (history_date);


--
-- Name: catalog_historicalskill_history_user_id_40575095; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalskill_history_user_id_40575095 ON public.catalog_historicalskill USING btree (history_user_id);


--
-- Name: catalog_historicalskill_id_05c8f797; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalskill_id_05c8f797 ON public.catalog_historicalskill USING btree (id);


--
-- Name: catalog_historicalskill_name_de16a4a7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalskill_name_de16a4a7 ON public.catalog_historicalskill USING btree (name);


--
-- Name: catalog_historicalskill_name_de16a4a7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalskill_name_de16a4a7_like ON public.catalog_historicalskill USING btree (name varchar_pattern_ops);


--
-- Name: catalog_historicalteam_history_date_783d6e80; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_history_date_783d6e80 ON public.catalog_historicalteam USING btree (history_date);


--
-- Name: catalog_historicalteam_history_user_id_478884f5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_history_user_id_478884f5 ON public.catalog_historicalteam USING btree (history_user_id);


--
-- Name: catalog_historicalteam_id_f8aca0cc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_id_f8aca0cc ON public.catalog_historicalteam USING btree (id);


--
-- Name: catalog_historicalteam_manager_id_ef4049c7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_manager_id_ef4049c7 ON public.catalog_historicalteam USING btree (manager_id);


--
-- Name: catalog_historicalteam_members_history_id_ac3ab238; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_members_history_id_ac3ab238 ON public.catalog_historicalteam_members USING btree (history_id);


--
-- Name: catalog_historicalteam_members_id_b1a8ebc6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_members_id_b1a8ebc6 ON public.catalog_historicalteam_members USING btree (id);


--
-- Name: catalog_historicalteam_members_team_id_6c58d4ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_members_team_id_6c58d4ee ON public.catalog_historicalteam_members USING btree (team_id);


--
-- Name: catalog_historicalteam_members_user_id_a6c8ff3f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_members_user_id_a6c8ff3f ON public.catalog_historicalteam_members USING btree (user_id);


--
-- Name: catalog_historicalteam_name_6502d526; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_name_6502d526 ON public.catalog_historicalteam USING btree (name);


--
-- Name: catalog_historicalteam_name_6502d526_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicalteam_name_6502d526_like ON public.catalog_historicalteam USING btree (name varchar_pattern_ops);


--
-- Name: catalog_historicaluser_history_date_687a3657; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicaluser_history_date_687a3657 ON public.catalog_historicaluser USING btree (history_date);


--
-- Name: catalog_historicaluser_history_user_id_4304e6ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicaluser_history_user_id_4304e6ee ON public.catalog_historicaluser USING btree (history_user_id);


--
-- Name: catalog_historicaluser_id_2214d55a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicaluser_id_2214d55a ON public.catalog_historicaluser USING btree (id);


--
-- Name: catalog_historicaluser_username_b141fd15; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicaluser_username_b141fd15 ON public.catalog_historicaluser USING btree (username);


--
-- Name: catalog_historicaluser_username_b141fd15_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_historicaluser_username_b141fd15_like ON public.catalog_historicaluser USING btree (username varchar_pattern_ops);


--
-- Name: catalog_service_name_904da842_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_service_name_904da842_like ON public.catalog_service USING btree (name varchar_pattern_ops);


--
-- Name: catalog_service_owner_team_id_2bf0ec63; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_service_owner_team_id_2bf0ec63 ON public.catalog_service USING btree (owner_team_id);


--
-- Name: catalog_skill_name_da6a78c1_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_skill_name_da6a78c1_like ON public.catalog_skill USING btree (name varchar_pattern_ops);


--
-- Name: catalog_team_manager_id_7457be95; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_manager_id_7457be95 ON public.catalog_team USING btree (manager_id);


--
-- Name: catalog_team_members_team_id_a03efcaf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_members_team_id_a03efcaf ON public.catalog_team_members USING btree (team_id);


--
-- Name: catalog_team_members_user_id_7ac207d3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_members_user_id_7ac207d3 ON public.catalog_team_members USING btree (user_id);


--
-- Name: catalog_team_name_ba116391_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_name_ba116391_like ON public.catalog_team USING btree (name varchar_pattern_ops);


--
-- Name: catalog_team_skills_skill_id_8ac492e3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_skills_skill_id_8ac492e3 ON public.catalog_team_skills USING btree (skill_id);


--
-- Name: catalog_team_skills_team_id_f345a3f1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_team_skills_team_id_f345a3f1 ON public.catalog_team_skills USING btree (team_id);


--
-- Name: change_schedule; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_schedule ON public.changes_change USING btree (status, planned_start);


--
-- Name: change_status_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_status_created ON public.changes_change USING btree (status, created_at);


--
-- Name: changes_blackoutwindow_services_blackoutwindow_id_df67f724; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_blackoutwindow_services_blackoutwindow_id_df67f724 ON public.changes_blackoutwindow_services USING btree (blackoutwindow_id);


--
-- Name: changes_blackoutwindow_services_service_id_ebefc34d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_blackoutwindow_services_service_id_ebefc34d ON public.changes_blackoutwindow_services USING btree (service_id);


--
-- Name: changes_cabboard_kind_dd2fa4aa_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabboard_kind_dd2fa4aa_like ON public.changes_cabboard USING btree (kind varchar_pattern_ops);


--
-- Name: changes_cabboard_members_cabboard_id_ecfad576; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabboard_members_cabboard_id_ecfad576 ON public.changes_cabboard_members USING btree (cabboard_id);


--
-- Name: changes_cabboard_members_user_id_1b0eac9a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabboard_members_user_id_1b0eac9a ON public.changes_cabboard_members USING btree (user_id);


--
-- Name: changes_cabdecision_change_id_d3b3aadd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabdecision_change_id_d3b3aadd ON public.changes_cabdecision USING btree (change_id);


--
-- Name: changes_cabdecision_meeting_id_0d13f2c7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabdecision_meeting_id_0d13f2c7 ON public.changes_cabdecision USING btree (meeting_id);


--
-- Name: changes_cabmeeting_attendees_cabmeeting_id_c160093e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabmeeting_attendees_cabmeeting_id_c160093e ON public.changes_cabmeeting_attendees USING btree (cabmeeting_id);


--
-- Name: changes_cabmeeting_attendees_user_id_59ceccbf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabmeeting_attendees_user_id_59ceccbf ON public.changes_cabmeeting_attendees USING btree (user_id);


--
-- Name: changes_cabmeeting_board_id_060a7a50; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_cabmeeting_board_id_060a7a50 ON public.changes_cabmeeting USING btree (board_id);


--
-- Name: changes_change_assignee_id_c44ca292; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_assignee_id_c44ca292 ON public.changes_change USING btree (assignee_id);


--
-- Name: changes_change_caused_incidents_change_id_590c215f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_caused_incidents_change_id_590c215f ON public.changes_change_caused_incidents USING btree (change_id);


--
-- Name: changes_change_caused_incidents_incident_id_d0c3e540; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_caused_incidents_incident_id_d0c3e540 ON public.changes_change_caused_incidents USING btree (incident_id);


--
-- Name: changes_change_cis_change_id_b2877b10; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_cis_change_id_b2877b10 ON public.changes_change_cis USING btree (change_id);


--
-- Name: changes_change_cis_configurationitem_id_8d8634b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_cis_configurationitem_id_8d8634b0 ON public.changes_change_cis USING btree (configurationitem_id);


--
-- Name: changes_change_created_at_0c57bd51; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_created_at_0c57bd51 ON public.changes_change USING btree (created_at);


--
-- Name: changes_change_deployment_authorized_by_id_009965b6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_deployment_authorized_by_id_009965b6 ON public.changes_change USING btree (deployment_authorized_by_id);


--
-- Name: changes_change_incidents_change_id_7835386a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_incidents_change_id_7835386a ON public.changes_change_incidents USING btree (change_id);


--
-- Name: changes_change_incidents_incident_id_1ffbd9f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_incidents_incident_id_1ffbd9f4 ON public.changes_change_incidents USING btree (incident_id);


--
-- Name: changes_change_model_id_98aad49a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_model_id_98aad49a ON public.changes_change USING btree (model_id);


--
-- Name: changes_change_number_fbcd0309_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_number_fbcd0309_like ON public.changes_change USING btree (number varchar_pattern_ops);


--
-- Name: changes_change_outage_services_change_id_3c275f87; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_outage_services_change_id_3c275f87 ON public.changes_change_outage_services USING btree (change_id);


--
-- Name: changes_change_outage_services_service_id_aa2a45ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_outage_services_service_id_aa2a45ae ON public.changes_change_outage_services USING btree (service_id);


--
-- Name: changes_change_problems_change_id_656d4f99; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_problems_change_id_656d4f99 ON public.changes_change_problems USING btree (change_id);


--
-- Name: changes_change_problems_problem_id_b0b3dc5b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_problems_problem_id_b0b3dc5b ON public.changes_change_problems USING btree (problem_id);


--
-- Name: changes_change_proposal_id_e8f5c1b5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_proposal_id_e8f5c1b5 ON public.changes_change USING btree (proposal_id);


--
-- Name: changes_change_release_id_0174da05; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_release_id_0174da05 ON public.changes_change USING btree (release_id);


--
-- Name: changes_change_requested_by_id_6cbdd7b1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_requested_by_id_6cbdd7b1 ON public.changes_change USING btree (requested_by_id);


--
-- Name: changes_change_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_search ON public.changes_change USING gin (search_vector);


--
-- Name: changes_change_services_change_id_4bac5db1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_services_change_id_4bac5db1 ON public.changes_change_services USING btree (change_id);


--
-- Name: changes_change_services_service_id_2080ff19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_change_services_service_id_2080ff19 ON public.changes_change_services USING btree (service_id);


--
-- Name: changes_changeciupdate_change_id_872b775c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeciupdate_change_id_872b775c ON public.changes_changeciupdate USING btree (change_id);


--
-- Name: changes_changeciupdate_ci_id_c620d8cc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeciupdate_ci_id_c620d8cc ON public.changes_changeciupdate USING btree (ci_id);


--
-- Name: changes_changemodel_name_587d00c1_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changemodel_name_587d00c1_like ON public.changes_changemodel USING btree (name varchar_pattern_ops);


--
-- Name: changes_changemodel_services_changemodel_id_fe63c4ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changemodel_services_changemodel_id_fe63c4ab ON public.changes_changemodel_services USING btree (changemodel_id);


--
-- Name: changes_changemodel_services_service_id_411ad252; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changemodel_services_service_id_411ad252 ON public.changes_changemodel_services USING btree (service_id);


--
-- Name: changes_changepolicy_cis_changepolicy_id_351ad8c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changepolicy_cis_changepolicy_id_351ad8c6 ON public.changes_changepolicy_cis USING btree (changepolicy_id);


--
-- Name: changes_changepolicy_cis_configurationitem_id_24b77552; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changepolicy_cis_configurationitem_id_24b77552 ON public.changes_changepolicy_cis USING btree (configurationitem_id);


--
-- Name: changes_changepolicy_services_changepolicy_id_15f01358; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changepolicy_services_changepolicy_id_15f01358 ON public.changes_changepolicy_services USING btree (changepolicy_id);


--
-- Name: changes_changepolicy_services_service_id_ecbcfef8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changepolicy_services_service_id_ecbcfef8 ON public.changes_changepolicy_services USING btree (service_id);


--
-- Name: changes_changeproposal_decided_by_id_349c68b4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeproposal_decided_by_id_349c68b4 ON public.changes_changeproposal USING btree (decided_by_id);


--
-- Name: changes_changeproposal_number_61e190e7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeproposal_number_61e190e7_like ON public.changes_changeproposal USING btree (number varchar_pattern_ops);


--
-- Name: changes_changeproposal_requested_by_id_4d94be3d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeproposal_requested_by_id_4d94be3d ON public.changes_changeproposal USING btree (requested_by_id);


--
-- Name: changes_changeproposal_services_changeproposal_id_afa80114; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeproposal_services_changeproposal_id_afa80114 ON public.changes_changeproposal_services USING btree (changeproposal_id);


--
-- Name: changes_changeproposal_services_service_id_03999174; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changeproposal_services_service_id_03999174 ON public.changes_changeproposal_services USING btree (service_id);


--
-- Name: changes_changetask_change_id_e5acbd08; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changetask_change_id_e5acbd08 ON public.changes_changetask USING btree (change_id);


--
-- Name: changes_changetask_done_by_id_e30e8710; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_changetask_done_by_id_e30e8710 ON public.changes_changetask USING btree (done_by_id);


--
-- Name: changes_evaluationreport_author_id_a89289ad; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_evaluationreport_author_id_a89289ad ON public.changes_evaluationreport USING btree (author_id);


--
-- Name: changes_historicalblackout_blackoutwindow_id_b359ca62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackout_blackoutwindow_id_b359ca62 ON public.changes_historicalblackoutwindow_services USING btree (blackoutwindow_id);


--
-- Name: changes_historicalblackoutwindow_history_date_fd07a838; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_history_date_fd07a838 ON public.changes_historicalblackoutwindow USING btree (history_date);


--
-- Name: changes_historicalblackoutwindow_history_user_id_61c6b20f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_history_user_id_61c6b20f ON public.changes_historicalblackoutwindow USING btree (history_user_id);


--
-- Name: changes_historicalblackoutwindow_id_7c892751; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_id_7c892751 ON public.changes_historicalblackoutwindow USING btree (id);


--
-- Name: changes_historicalblackoutwindow_services_history_id_c04978f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_services_history_id_c04978f4 ON public.changes_historicalblackoutwindow_services USING btree (history_id);


--
-- Name: changes_historicalblackoutwindow_services_id_4c86b7e9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_services_id_4c86b7e9 ON public.changes_historicalblackoutwindow_services USING btree (id);


--
-- Name: changes_historicalblackoutwindow_services_service_id_e052c4d8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalblackoutwindow_services_service_id_e052c4d8 ON public.changes_historicalblackoutwindow_services USING btree (service_id);


--
-- Name: changes_historicalcabboard_history_date_13e46232; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_history_date_13e46232 ON public.changes_historicalcabboard USING btree (history_date);


--
-- Name: changes_historicalcabboard_history_user_id_39f57e15; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_history_user_id_39f57e15 ON public.changes_historicalcabboard USING btree (history_user_id);


--
-- Name: changes_historicalcabboard_id_27405a3e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_id_27405a3e ON public.changes_historicalcabboard USING btree (id);


--
-- Name: changes_historicalcabboard_kind_e52a0ca4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_kind_e52a0ca4 ON public.changes_historicalcabboard USING btree (kind);


--
-- Name: changes_historicalcabboard_kind_e52a0ca4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_kind_e52a0ca4_like ON public.changes_historicalcabboard USING btree (kind varchar_pattern_ops);


--
-- Name: changes_historicalcabboard_members_cabboard_id_1b541675; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_members_cabboard_id_1b541675 ON public.changes_historicalcabboard_members USING btree (cabboard_id);


--
-- Name: changes_historicalcabboard_members_history_id_dfc650dc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_members_history_id_dfc650dc ON public.changes_historicalcabboard_members USING btree (history_id);


--
-- Name: changes_historicalcabboard_members_id_e6d628f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_members_id_e6d628f0 ON public.changes_historicalcabboard_members USING btree (id);


--
-- Name: changes_historicalcabboard_members_user_id_3569c9c1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabboard_members_user_id_3569c9c1 ON public.changes_historicalcabboard_members USING btree (user_id);


--
-- Name: changes_historicalcabdecision_change_id_ff461510; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabdecision_change_id_ff461510 ON public.changes_historicalcabdecision USING btree (change_id);


--
-- Name: changes_historicalcabdecision_history_date_969ae264; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabdecision_history_date_969ae264 ON public.changes_historicalcabdecision USING btree (history_date);


--
-- Name: changes_historicalcabdecision_history_user_id_7da00e64; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabdecision_history_user_id_7da00e64 ON public.changes_historicalcabdecision USING btree (history_user_id);


--
-- Name: changes_historicalcabdecision_id_a399be22; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabdecision_id_a399be22 ON public.changes_historicalcabdecision USING btree (id);


--
-- Name: changes_historicalcabdecision_meeting_id_f3023779; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabdecision_meeting_id_f3023779 ON public.changes_historicalcabdecision USING btree (meeting_id);


--
-- Name: changes_historicalcabmeeting_board_id_ebeb8af4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabmeeting_board_id_ebeb8af4 ON public.changes_historicalcabmeeting USING btree (board_id);


--
-- Name: changes_historicalcabmeeting_history_date_75624c91; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabmeeting_history_date_75624c91 ON public.changes_historicalcabmeeting USING btree (history_date);


--
-- Name: changes_historicalcabmeeting_history_user_id_78f5bec9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabmeeting_history_user_id_78f5bec9 ON public.changes_historicalcabmeeting USING btree (history_user_id);


--
-- Name: changes_historicalcabmeeting_id_b997376c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcabmeeting_id_b997376c ON public.changes_historicalcabmeeting USING btree (id);


--
-- Name: changes_historicalcategorymatrix_history_date_c112a055; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcategorymatrix_history_date_c112a055 ON public.changes_historicalcategorymatrix USING btree (history_date);


--
-- Name: changes_historicalcategorymatrix_history_user_id_a9e6a12d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcategorymatrix_history_user_id_a9e6a12d ON public.changes_historicalcategorymatrix USING btree (history_user_id);


--
-- Name: changes_historicalcategorymatrix_id_9d4a0995; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalcategorymatrix_id_9d4a0995 ON public.changes_historicalcategorymatrix USING btree (id);


--
-- Name: changes_historicalchange_assignee_id_48a3f83a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_assignee_id_48a3f83a ON public.changes_historicalchange USING btree (assignee_id);


--
-- Name: changes_historicalchange_caused_incidents_change_id_e573780b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_caused_incidents_change_id_e573780b ON public.changes_historicalchange_caused_incidents USING btree (change_id);


--
-- Name: changes_historicalchange_caused_incidents_history_id_23282d40; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_caused_incidents_history_id_23282d40 ON public.changes_historicalchange_caused_incidents USING btree (history_id);


--
-- Name: changes_historicalchange_caused_incidents_id_2683fb9c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_caused_incidents_id_2683fb9c ON public.changes_historicalchange_caused_incidents USING btree (id);


--
-- Name: changes_historicalchange_caused_incidents_incident_id_bb001986; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_caused_incidents_incident_id_bb001986 ON public.changes_historicalchange_caused_incidents USING btree (incident_id);


--
-- Name: changes_historicalchange_cis_change_id_2bbdfe3b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_cis_change_id_2bbdfe3b ON public.changes_historicalchange_cis USING btree (change_id);


--
-- Name: changes_historicalchange_cis_configurationitem_id_4493c1cc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_cis_configurationitem_id_4493c1cc ON public.changes_historicalchange_cis USING btree (configurationitem_id);


--
-- Name: changes_historicalchange_cis_history_id_61509575; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_cis_history_id_61509575 ON public.changes_historicalchange_cis USING btree (history_id);


--
-- Name: changes_historicalchange_cis_id_531d13c7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_cis_id_531d13c7 ON public.changes_historicalchange_cis USING btree (id);


--
-- Name: changes_historicalchange_created_at_cd81f0ef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_created_at_cd81f0ef ON public.changes_historicalchange USING btree (created_at);


--
-- Name: changes_historicalchange_deployment_authorized_by_id_a5d530a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_deployment_authorized_by_id_a5d530a9 ON public.changes_historicalchange USING btree (deployment_authorized_by_id);


--
-- Name: changes_historicalchange_history_date_62845cbe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_history_date_62845cbe ON public.changes_historicalchange USING btree (history_date);


--
-- Name: changes_historicalchange_history_user_id_2c3e6820; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_history_user_id_2c3e6820 ON public.changes_historicalchange USING btree (history_user_id);


--
-- Name: changes_historicalchange_id_d0279eb5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_id_d0279eb5 ON public.changes_historicalchange USING btree (id);


--
-- Name: changes_historicalchange_incidents_change_id_936a3b34; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_incidents_change_id_936a3b34 ON public.changes_historicalchange_incidents USING btree (change_id);


--
-- Name: changes_historicalchange_incidents_history_id_d8a9ec7f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_incidents_history_id_d8a9ec7f ON public.changes_historicalchange_incidents USING btree (history_id);


--
-- Name: changes_historicalchange_incidents_id_b0dcbabf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_incidents_id_b0dcbabf ON public.changes_historicalchange_incidents USING btree (id);


--
-- Name: changes_historicalchange_incidents_incident_id_b931a1a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_incidents_incident_id_b931a1a4 ON public.changes_historicalchange_incidents USING btree (incident_id);


--
-- Name: changes_historicalchange_model_id_c1c68878; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_model_id_c1c68878 ON public.changes_historicalchange USING btree (model_id);


--
-- Name: changes_historicalchange_number_584b55d7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_number_584b55d7 ON public.changes_historicalchange USING btree (number);


--
-- Name: changes_historicalchange_number_584b55d7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_number_584b55d7_like ON public.changes_historicalchange USING btree (number varchar_pattern_ops);


--
-- Name: changes_historicalchange_problems_change_id_81564fcc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_problems_change_id_81564fcc ON public.changes_historicalchange_problems USING btree (change_id);


--
-- Name: changes_historicalchange_problems_history_id_14cec467; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_problems_history_id_14cec467 ON public.changes_historicalchange_problems USING btree (history_id);


--
-- Name: changes_historicalchange_problems_id_49ff19e3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_problems_id_49ff19e3 ON public.changes_historicalchange_problems USING btree (id);


--
-- Name: changes_historicalchange_problems_problem_id_d59e4007; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_problems_problem_id_d59e4007 ON public.changes_historicalchange_problems USING btree (problem_id);


--
-- Name: changes_historicalchange_proposal_id_bcf4af9f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_proposal_id_bcf4af9f ON public.changes_historicalchange USING btree (proposal_id);


--
-- Name: changes_historicalchange_release_id_0b14e3be; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_release_id_0b14e3be ON public.changes_historicalchange USING btree (release_id);


--
-- Name: changes_historicalchange_requested_by_id_246fd0fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_requested_by_id_246fd0fb ON public.changes_historicalchange USING btree (requested_by_id);


--
-- Name: changes_historicalchange_services_change_id_dd9ef160; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_services_change_id_dd9ef160 ON public.changes_historicalchange_services USING btree (change_id);


--
-- Name: changes_historicalchange_services_history_id_f7e8e90b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_services_history_id_f7e8e90b ON public.changes_historicalchange_services USING btree (history_id);


--
-- Name: changes_historicalchange_services_id_d75a637f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_services_id_d75a637f ON public.changes_historicalchange_services USING btree (id);


--
-- Name: changes_historicalchange_services_service_id_51f6744e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchange_services_service_id_51f6744e ON public.changes_historicalchange_services USING btree (service_id);


--
-- Name: changes_historicalchangeciupdate_change_id_9d429884; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeciupdate_change_id_9d429884 ON public.changes_historicalchangeciupdate USING btree (change_id);


--
-- Name: changes_historicalchangeciupdate_ci_id_e38e579e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeciupdate_ci_id_e38e579e ON public.changes_historicalchangeciupdate USING btree (ci_id);


--
-- Name: changes_historicalchangeciupdate_history_date_733487fc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeciupdate_history_date_733487fc ON public.changes_historicalchangeciupdate USING btree (history_date);


--
-- Name: changes_historicalchangeciupdate_history_user_id_9f90ec2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeciupdate_history_user_id_9f90ec2d ON public.changes_historicalchangeciupdate USING btree (history_user_id);


--
-- Name: changes_historicalchangeciupdate_id_9008ad7e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeciupdate_id_9008ad7e ON public.changes_historicalchangeciupdate USING btree (id);


--
-- Name: changes_historicalchangemodel_history_date_b7ef9680; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_history_date_b7ef9680 ON public.changes_historicalchangemodel USING btree (history_date);


--
-- Name: changes_historicalchangemodel_history_user_id_3d064ed8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_history_user_id_3d064ed8 ON public.changes_historicalchangemodel USING btree (history_user_id);


--
-- Name: changes_historicalchangemodel_id_7f3f6f41; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_id_7f3f6f41 ON public.changes_historicalchangemodel USING btree (id);


--
-- Name: changes_historicalchangemodel_name_0c38a8b8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_name_0c38a8b8 ON public.changes_historicalchangemodel USING btree (name);


--
-- Name: changes_historicalchangemodel_name_0c38a8b8_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_name_0c38a8b8_like ON public.changes_historicalchangemodel USING btree (name varchar_pattern_ops);


--
-- Name: changes_historicalchangemodel_services_changemodel_id_fe9079cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_services_changemodel_id_fe9079cb ON public.changes_historicalchangemodel_services USING btree (changemodel_id);


--
-- Name: changes_historicalchangemodel_services_history_id_bad51333; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_services_history_id_bad51333 ON public.changes_historicalchangemodel_services USING btree (history_id);


--
-- Name: changes_historicalchangemodel_services_id_7b3fe7a2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_services_id_7b3fe7a2 ON public.changes_historicalchangemodel_services USING btree (id);


--
-- Name: changes_historicalchangemodel_services_service_id_d2ad4127; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangemodel_services_service_id_d2ad4127 ON public.changes_historicalchangemodel_services USING btree (service_id);


--
-- Name: changes_historicalchangepo_changepolicy_id_cbe7b2e4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepo_changepolicy_id_cbe7b2e4 ON public.changes_historicalchangepolicy_services USING btree (changepolicy_id);


--
-- Name: changes_historicalchangepo_configurationitem_id_45796dfa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepo_configurationitem_id_45796dfa ON public.changes_historicalchangepolicy_cis USING btree (configurationitem_id);


--
-- Name: changes_historicalchangepolicy_cis_changepolicy_id_ede0ad11; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_cis_changepolicy_id_ede0ad11 ON public.changes_historicalchangepolicy_cis USING btree (changepolicy_id);


--
-- Name: changes_historicalchangepolicy_cis_history_id_a2e8cd74; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_cis_history_id_a2e8cd74 ON public.changes_historicalchangepolicy_cis USING btree (history_id);


--
-- Name: changes_historicalchangepolicy_cis_id_e327c9d5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_cis_id_e327c9d5 ON public.changes_historicalchangepolicy_cis USING btree (id);


--
-- Name: changes_historicalchangepolicy_history_date_2f9f16ca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_history_date_2f9f16ca ON public.changes_historicalchangepolicy USING btree (history_date);


--
-- Name: changes_historicalchangepolicy_history_user_id_2d399216; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_history_user_id_2d399216 ON public.changes_historicalchangepolicy USING btree (history_user_id);


--
-- Name: changes_historicalchangepolicy_id_c50a2ce9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_id_c50a2ce9 ON public.changes_historicalchangepolicy USING btree (id);


--
-- Name: changes_historicalchangepolicy_services_history_id_b1454e69; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_services_history_id_b1454e69 ON public.changes_historicalchangepolicy_services USING btree (history_id);


--
-- Name: changes_historicalchangepolicy_services_id_25ca704c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_services_id_25ca704c ON public.changes_historicalchangepolicy_services USING btree (id);


--
-- Name: changes_historicalchangepolicy_services_service_id_4ef30475; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepolicy_services_service_id_4ef30475 ON public.changes_historicalchangepolicy_services USING btree (service_id);


--
-- Name: changes_historicalchangepr_changeproposal_id_ddb0f4b1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangepr_changeproposal_id_ddb0f4b1 ON public.changes_historicalchangeproposal_services USING btree (changeproposal_id);


--
-- Name: changes_historicalchangeproposal_decided_by_id_fd7b2d8f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_decided_by_id_fd7b2d8f ON public.changes_historicalchangeproposal USING btree (decided_by_id);


--
-- Name: changes_historicalchangeproposal_history_date_29a0b072; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_history_date_29a0b072 ON public.changes_historicalchangeproposal USING btree (history_date);


--
-- Name: changes_historicalchangeproposal_history_user_id_655fa1fa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_history_user_id_655fa1fa ON public.changes_historicalchangeproposal USING btree (history_user_id);


--
-- Name: changes_historicalchangeproposal_id_d082d2ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_id_d082d2ae ON public.changes_historicalchangeproposal USING btree (id);


--
-- Name: changes_historicalchangeproposal_number_da5c0471; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_number_da5c0471 ON public.changes_historicalchangeproposal USING btree (number);


--
-- Name: changes_historicalchangeproposal_number_da5c0471_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_number_da5c0471_like ON public.changes_historicalchangeproposal USING btree (number varchar_pattern_ops);


--
-- Name: changes_historicalchangeproposal_requested_by_id_f4774e90; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_requested_by_id_f4774e90 ON public.changes_historicalchangeproposal USING btree (requested_by_id);


--
-- Name: changes_historicalchangeproposal_services_history_id_e085eb8a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_services_history_id_e085eb8a ON public.changes_historicalchangeproposal_services USING btree (history_id);


--
-- Name: changes_historicalchangeproposal_services_id_d846d1d7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_services_id_d846d1d7 ON public.changes_historicalchangeproposal_services USING btree (id);


--
-- Name: changes_historicalchangeproposal_services_service_id_ed18b541; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalchangeproposal_services_service_id_ed18b541 ON public.changes_historicalchangeproposal_services USING btree (service_id);


--
-- Name: changes_historicalevaluationreport_author_id_9e16271b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalevaluationreport_author_id_9e16271b ON public.changes_historicalevaluationreport USING btree (author_id);


--
-- Name: changes_historicalevaluationreport_change_id_96224aac; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalevaluationreport_change_id_96224aac ON public.changes_historicalevaluationreport USING btree (change_id);


--
-- Name: changes_historicalevaluationreport_history_date_147d7320; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalevaluationreport_history_date_147d7320 ON public.changes_historicalevaluationreport USING btree (history_date);


--
-- Name: changes_historicalevaluationreport_history_user_id_ba10c273; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalevaluationreport_history_user_id_ba10c273 ON public.changes_historicalevaluationreport USING btree (history_user_id);


--
-- Name: changes_historicalevaluationreport_id_7d27c78e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalevaluationreport_id_7d27c78e ON public.changes_historicalevaluationreport USING btree (id);


--
-- Name: changes_historicalraciassignment_history_date_7af30e7a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalraciassignment_history_date_7af30e7a ON public.changes_historicalraciassignment USING btree (history_date);


--
-- Name: changes_historicalraciassignment_history_user_id_e1e4980d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalraciassignment_history_user_id_e1e4980d ON public.changes_historicalraciassignment USING btree (history_user_id);


--
-- Name: changes_historicalraciassignment_id_3e154753; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalraciassignment_id_3e154753 ON public.changes_historicalraciassignment USING btree (id);


--
-- Name: changes_historicalraciassignment_model_id_5b5903a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalraciassignment_model_id_5b5903a4 ON public.changes_historicalraciassignment USING btree (model_id);


--
-- Name: changes_historicalraciassignment_user_id_ef1a69b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalraciassignment_user_id_ef1a69b2 ON public.changes_historicalraciassignment USING btree (user_id);


--
-- Name: changes_historicalrelease_authorized_by_id_5b0d57d6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_authorized_by_id_5b0d57d6 ON public.changes_historicalrelease USING btree (authorized_by_id);


--
-- Name: changes_historicalrelease_created_by_id_ea399954; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_created_by_id_ea399954 ON public.changes_historicalrelease USING btree (created_by_id);


--
-- Name: changes_historicalrelease_history_date_cd37dcb6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_history_date_cd37dcb6 ON public.changes_historicalrelease USING btree (history_date);


--
-- Name: changes_historicalrelease_history_user_id_0ae27603; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_history_user_id_0ae27603 ON public.changes_historicalrelease USING btree (history_user_id);


--
-- Name: changes_historicalrelease_id_a419e811; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_id_a419e811 ON public.changes_historicalrelease USING btree (id);


--
-- Name: changes_historicalrelease_number_fea1c329; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_number_fea1c329 ON public.changes_historicalrelease USING btree (number);


--
-- Name: changes_historicalrelease_number_fea1c329_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_number_fea1c329_like ON public.changes_historicalrelease USING btree (number varchar_pattern_ops);


--
-- Name: changes_historicalrelease_owner_id_75689370; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalrelease_owner_id_75689370 ON public.changes_historicalrelease USING btree (owner_id);


--
-- Name: changes_historicalvote_board_id_cba29c14; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_board_id_cba29c14 ON public.changes_historicalvote USING btree (board_id);


--
-- Name: changes_historicalvote_change_id_94a5f48f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_change_id_94a5f48f ON public.changes_historicalvote USING btree (change_id);


--
-- Name: changes_historicalvote_history_date_651cc1a5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_history_date_651cc1a5 ON public.changes_historicalvote USING btree (history_date);


--
-- Name: changes_historicalvote_history_user_id_63731762; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_history_user_id_63731762 ON public.changes_historicalvote USING btree (history_user_id);


--
-- Name: changes_historicalvote_id_9da0583a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_id_9da0583a ON public.changes_historicalvote USING btree (id);


--
-- Name: changes_historicalvote_member_id_76007810; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_historicalvote_member_id_76007810 ON public.changes_historicalvote USING btree (member_id);


--
-- Name: changes_raciassignment_model_id_b2d242d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_raciassignment_model_id_b2d242d4 ON public.changes_raciassignment USING btree (model_id);


--
-- Name: changes_raciassignment_user_id_070e57a3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_raciassignment_user_id_070e57a3 ON public.changes_raciassignment USING btree (user_id);


--
-- Name: changes_release_authorized_by_id_437adcef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_release_authorized_by_id_437adcef ON public.changes_release USING btree (authorized_by_id);


--
-- Name: changes_release_created_by_id_d706e22e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_release_created_by_id_d706e22e ON public.changes_release USING btree (created_by_id);


--
-- Name: changes_release_number_dd83eb19_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_release_number_dd83eb19_like ON public.changes_release USING btree (number varchar_pattern_ops);


--
-- Name: changes_release_owner_id_7a08f456; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_release_owner_id_7a08f456 ON public.changes_release USING btree (owner_id);


--
-- Name: changes_vote_board_id_c5d41fc9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_vote_board_id_c5d41fc9 ON public.changes_vote USING btree (board_id);


--
-- Name: changes_vote_change_id_a31c8d67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_vote_change_id_a31c8d67 ON public.changes_vote USING btree (change_id);


--
-- Name: changes_vote_member_id_073d116f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_vote_member_id_073d116f ON public.changes_vote USING btree (member_id);


--
-- Name: conference_leg_live; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX conference_leg_live ON public.contactcenter_conferenceleg USING btree (conference_id, user_id, role) WHERE ((status)::text = ANY ((ARRAY['requested'::character varying, 'joined'::character varying])::text[]));


--
-- Name: contactcenter_agentstate_call_id_5a5af5f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_agentstate_call_id_5a5af5f6 ON public.contactcenter_agentstate USING btree (call_id);


--
-- Name: contactcenter_agentstatelog_call_id_c954b961; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_agentstatelog_call_id_c954b961 ON public.contactcenter_agentstatelog USING btree (call_id);


--
-- Name: contactcenter_agentstatelog_user_id_e4421cca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_agentstatelog_user_id_e4421cca ON public.contactcenter_agentstatelog USING btree (user_id);


--
-- Name: contactcenter_announcement_active_ca7f470d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_announcement_active_ca7f470d ON public.contactcenter_announcement USING btree (active);


--
-- Name: contactcenter_announcement_lines_announcement_id_d6ec2fe0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_announcement_lines_announcement_id_d6ec2fe0 ON public.contactcenter_announcement_lines USING btree (announcement_id);


--
-- Name: contactcenter_announcement_lines_line_id_654530cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_announcement_lines_line_id_654530cb ON public.contactcenter_announcement_lines USING btree (line_id);


--
-- Name: contactcenter_announcement_services_announcement_id_1e31b342; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_announcement_services_announcement_id_1e31b342 ON public.contactcenter_announcement_services USING btree (announcement_id);


--
-- Name: contactcenter_announcement_services_service_id_683e47f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_announcement_services_service_id_683e47f6 ON public.contactcenter_announcement_services USING btree (service_id);


--
-- Name: contactcenter_call_agent_id_27839810; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_agent_id_27839810 ON public.contactcenter_call USING btree (agent_id);


--
-- Name: contactcenter_call_announcement_id_4d9c4c73; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_announcement_id_4d9c4c73 ON public.contactcenter_call USING btree (announcement_id);


--
-- Name: contactcenter_call_call_sid_95c82904_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_call_sid_95c82904_like ON public.contactcenter_call USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_call_callback_task_id_a752305d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_callback_task_id_a752305d ON public.contactcenter_call USING btree (callback_task_id);


--
-- Name: contactcenter_call_contact_id_3abed04e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_contact_id_3abed04e ON public.contactcenter_call USING btree (contact_id);


--
-- Name: contactcenter_call_customer_id_11751be9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_customer_id_11751be9 ON public.contactcenter_call USING btree (customer_id);


--
-- Name: contactcenter_call_incident_id_5be25032; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_incident_id_5be25032 ON public.contactcenter_call USING btree (incident_id);


--
-- Name: contactcenter_call_line_id_da7eb3c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_line_id_da7eb3c8 ON public.contactcenter_call USING btree (line_id);


--
-- Name: contactcenter_call_placed_by_id_40406d40; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_placed_by_id_40406d40 ON public.contactcenter_call USING btree (placed_by_id);


--
-- Name: contactcenter_call_queue_id_29ec091d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_queue_id_29ec091d ON public.contactcenter_call USING btree (queue_id);


--
-- Name: contactcenter_call_repeat_of_id_9f579b22; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_repeat_of_id_9f579b22 ON public.contactcenter_call USING btree (repeat_of_id);


--
-- Name: contactcenter_call_service_id_8d052844; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_service_id_8d052844 ON public.contactcenter_call USING btree (service_id);


--
-- Name: contactcenter_call_started_at_0bd6b53b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_started_at_0bd6b53b ON public.contactcenter_call USING btree (started_at);


--
-- Name: contactcenter_call_temporary_agent_id_1ab7aefd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_call_temporary_agent_id_1ab7aefd ON public.contactcenter_call USING btree (temporary_agent_id);


--
-- Name: contactcenter_callback_agent_id_b860b441; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callback_agent_id_b860b441 ON public.contactcenter_callback USING btree (agent_id);


--
-- Name: contactcenter_callback_contact_id_7c6ebeb8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callback_contact_id_7c6ebeb8 ON public.contactcenter_callback USING btree (contact_id);


--
-- Name: contactcenter_callback_status_cf90982c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callback_status_cf90982c ON public.contactcenter_callback USING btree (status);


--
-- Name: contactcenter_callback_status_cf90982c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callback_status_cf90982c_like ON public.contactcenter_callback USING btree (status varchar_pattern_ops);


--
-- Name: contactcenter_callevent_call_id_9e7e40f2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callevent_call_id_9e7e40f2 ON public.contactcenter_callevent USING btree (call_id);


--
-- Name: contactcenter_callrecording_call_id_36ca69f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callrecording_call_id_36ca69f7 ON public.contactcenter_callrecording USING btree (call_id);


--
-- Name: contactcenter_callrecording_recording_sid_e84f30fa_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_callrecording_recording_sid_e84f30fa_like ON public.contactcenter_callrecording USING btree (recording_sid varchar_pattern_ops);


--
-- Name: contactcenter_calltransfer_agent_id_6199e537; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_calltransfer_agent_id_6199e537 ON public.contactcenter_calltransfer USING btree (agent_id);


--
-- Name: contactcenter_calltransfer_call_id_e497366d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_calltransfer_call_id_e497366d ON public.contactcenter_calltransfer USING btree (call_id);


--
-- Name: contactcenter_calltransfer_from_queue_id_80449a0d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_calltransfer_from_queue_id_80449a0d ON public.contactcenter_calltransfer USING btree (from_queue_id);


--
-- Name: contactcenter_calltransfer_to_queue_id_1b23b41d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_calltransfer_to_queue_id_1b23b41d ON public.contactcenter_calltransfer USING btree (to_queue_id);


--
-- Name: contactcenter_conference_name_ddb54282_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conference_name_ddb54282_like ON public.contactcenter_conference USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_conference_sid_1940650e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conference_sid_1940650e ON public.contactcenter_conference USING btree (sid);


--
-- Name: contactcenter_conference_sid_1940650e_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conference_sid_1940650e_like ON public.contactcenter_conference USING btree (sid varchar_pattern_ops);


--
-- Name: contactcenter_conferenceevent_conference_id_c35f3a62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conferenceevent_conference_id_c35f3a62 ON public.contactcenter_conferenceevent USING btree (conference_id);


--
-- Name: contactcenter_conferenceleg_call_sid_3650eaa7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conferenceleg_call_sid_3650eaa7 ON public.contactcenter_conferenceleg USING btree (call_sid);


--
-- Name: contactcenter_conferenceleg_call_sid_3650eaa7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conferenceleg_call_sid_3650eaa7_like ON public.contactcenter_conferenceleg USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_conferenceleg_conference_id_7a1c9698; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conferenceleg_conference_id_7a1c9698 ON public.contactcenter_conferenceleg USING btree (conference_id);


--
-- Name: contactcenter_conferenceleg_user_id_95a26dcf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_conferenceleg_user_id_95a26dcf ON public.contactcenter_conferenceleg USING btree (user_id);


--
-- Name: contactcenter_diallist_calendar_id_d54a7e30; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallist_calendar_id_d54a7e30 ON public.contactcenter_diallist USING btree (calendar_id);


--
-- Name: contactcenter_diallist_line_id_44f10446; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallist_line_id_44f10446 ON public.contactcenter_diallist USING btree (line_id);


--
-- Name: contactcenter_diallist_queue_id_89e7a0ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallist_queue_id_89e7a0ae ON public.contactcenter_diallist USING btree (queue_id);


--
-- Name: contactcenter_diallistentry_callback_id_1925b031; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallistentry_callback_id_1925b031 ON public.contactcenter_diallistentry USING btree (callback_id);


--
-- Name: contactcenter_diallistentry_contact_id_5bbfabb7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallistentry_contact_id_5bbfabb7 ON public.contactcenter_diallistentry USING btree (contact_id);


--
-- Name: contactcenter_diallistentry_dial_list_id_c48c18e8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallistentry_dial_list_id_c48c18e8 ON public.contactcenter_diallistentry USING btree (dial_list_id);


--
-- Name: contactcenter_diallistentry_last_call_id_5458aec4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallistentry_last_call_id_5458aec4 ON public.contactcenter_diallistentry USING btree (last_call_id);


--
-- Name: contactcenter_diallistentry_reserved_by_id_2ecaf070; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_diallistentry_reserved_by_id_2ecaf070 ON public.contactcenter_diallistentry USING btree (reserved_by_id);


--
-- Name: contactcenter_evaluation_agent_id_65cd86fc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluation_agent_id_65cd86fc ON public.contactcenter_evaluation USING btree (agent_id);


--
-- Name: contactcenter_evaluation_call_id_743bb2a3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluation_call_id_743bb2a3 ON public.contactcenter_evaluation USING btree (call_id);


--
-- Name: contactcenter_evaluation_evaluator_id_835d235a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluation_evaluator_id_835d235a ON public.contactcenter_evaluation USING btree (evaluator_id);


--
-- Name: contactcenter_evaluation_form_id_52d42eae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluation_form_id_52d42eae ON public.contactcenter_evaluation USING btree (form_id);


--
-- Name: contactcenter_evaluation_queue_id_7620af28; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluation_queue_id_7620af28 ON public.contactcenter_evaluation USING btree (queue_id);


--
-- Name: contactcenter_evaluationanswer_evaluation_id_9c181e62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluationanswer_evaluation_id_9c181e62 ON public.contactcenter_evaluationanswer USING btree (evaluation_id);


--
-- Name: contactcenter_evaluationanswer_question_id_efb4a6e0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluationanswer_question_id_efb4a6e0 ON public.contactcenter_evaluationanswer USING btree (question_id);


--
-- Name: contactcenter_evaluationform_queue_id_0f5bec9e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluationform_queue_id_0f5bec9e ON public.contactcenter_evaluationform USING btree (queue_id);


--
-- Name: contactcenter_evaluationquestion_form_id_be1f1ad3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_evaluationquestion_form_id_be1f1ad3 ON public.contactcenter_evaluationquestion USING btree (form_id);


--
-- Name: contactcenter_historical_call_sid_f9a50469_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historical_call_sid_f9a50469_like ON public.contactcenter_historicalpromptrecordingsession USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_historical_code_hash_af99ebec_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historical_code_hash_af99ebec_like ON public.contactcenter_historicalpromptrecordingsession USING btree (code_hash varchar_pattern_ops);


--
-- Name: contactcenter_historical_recording_sid_8633098c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historical_recording_sid_8633098c_like ON public.contactcenter_historicalcallrecording USING btree (recording_sid varchar_pattern_ops);


--
-- Name: contactcenter_historicalan_announcement_id_ad26433e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalan_announcement_id_ad26433e ON public.contactcenter_historicalannouncement_lines USING btree (announcement_id);


--
-- Name: contactcenter_historicalan_announcement_id_d21f03ce; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalan_announcement_id_d21f03ce ON public.contactcenter_historicalannouncement_services USING btree (announcement_id);


--
-- Name: contactcenter_historicalan_history_id_468c72b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalan_history_id_468c72b7 ON public.contactcenter_historicalannouncement_services USING btree (history_id);


--
-- Name: contactcenter_historicalan_service_id_723c3fd8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalan_service_id_723c3fd8 ON public.contactcenter_historicalannouncement_services USING btree (service_id);


--
-- Name: contactcenter_historicalannouncement_active_36b6c808; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_active_36b6c808 ON public.contactcenter_historicalannouncement USING btree (active);


--
-- Name: contactcenter_historicalannouncement_history_date_6c923b2c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_history_date_6c923b2c ON public.contactcenter_historicalannouncement USING btree (history_date);


--
-- Name: contactcenter_historicalannouncement_history_user_id_a8026cb3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_history_user_id_a8026cb3 ON public.contactcenter_historicalannouncement USING btree (history_user_id);


--
-- Name: contactcenter_historicalannouncement_id_448d1943; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_id_448d1943 ON public.contactcenter_historicalannouncement USING btree (id);


--
-- Name: contactcenter_historicalannouncement_lines_history_id_dc910ff6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_lines_history_id_dc910ff6 ON public.contactcenter_historicalannouncement_lines USING btree (history_id);


--
-- Name: contactcenter_historicalannouncement_lines_id_52b673c5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_lines_id_52b673c5 ON public.contactcenter_historicalannouncement_lines USING btree (id);


--
-- Name: contactcenter_historicalannouncement_lines_line_id_180a945d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_lines_line_id_180a945d ON public.contactcenter_historicalannouncement_lines USING btree (line_id);


--
-- Name: contactcenter_historicalannouncement_major_incident_id_c4a17717; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_major_incident_id_c4a17717 ON public.contactcenter_historicalannouncement USING btree (major_incident_id);


--
-- Name: contactcenter_historicalannouncement_services_id_7380a88b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalannouncement_services_id_7380a88b ON public.contactcenter_historicalannouncement_services USING btree (id);


--
-- Name: contactcenter_historicalcallback_agent_id_6cb5ae5c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_agent_id_6cb5ae5c ON public.contactcenter_historicalcallback USING btree (agent_id);


--
-- Name: contactcenter_historicalcallback_call_id_531b44a7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_call_id_531b44a7 ON public.contactcenter_historicalcallback USING btree (call_id);


--
-- Name: contactcenter_historicalcallback_contact_id_c9e4baba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_contact_id_c9e4baba ON public.contactcenter_historicalcallback USING btree (contact_id);


--
-- Name: contactcenter_historicalcallback_history_date_8e1e8357; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_history_date_8e1e8357 ON public.contactcenter_historicalcallback USING btree (history_date);


--
-- Name: contactcenter_historicalcallback_history_user_id_602d9995; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_history_user_id_602d9995 ON public.contactcenter_historicalcallback USING btree (history_user_id);


--
-- Name: contactcenter_historicalcallback_id_8837ba9f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_id_8837ba9f ON public.contactcenter_historicalcallback USING btree (id);


--
-- Name: contactcenter_historicalcallback_status_0c966e31; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_status_0c966e31 ON public.contactcenter_historicalcallback USING btree (status);


--
-- Name: contactcenter_historicalcallback_status_0c966e31_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallback_status_0c966e31_like ON public.contactcenter_historicalcallback USING btree (status varchar_pattern_ops);


--
-- Name: contactcenter_historicalcallrecording_call_id_3b1053fa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallrecording_call_id_3b1053fa ON public.contactcenter_historicalcallrecording USING btree (call_id);


--
-- Name: contactcenter_historicalcallrecording_history_date_bbfade83; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallrecording_history_date_bbfade83 ON public.contactcenter_historicalcallrecording USING btree (history_date);


--
-- Name: contactcenter_historicalcallrecording_history_user_id_9e3ca2dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallrecording_history_user_id_9e3ca2dd ON public.contactcenter_historicalcallrecording USING btree (history_user_id);


--
-- Name: contactcenter_historicalcallrecording_id_c0e4f157; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallrecording_id_c0e4f157 ON public.contactcenter_historicalcallrecording USING btree (id);


--
-- Name: contactcenter_historicalcallrecording_recording_sid_8633098c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalcallrecording_recording_sid_8633098c ON public.contactcenter_historicalcallrecording USING btree (recording_sid);


--
-- Name: contactcenter_historicalco_history_user_id_afa010fe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalco_history_user_id_afa010fe ON public.contactcenter_historicalconferenceevent USING btree (history_user_id);


--
-- Name: contactcenter_historicalconference_call_id_af24af79; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_call_id_af24af79 ON public.contactcenter_historicalconference USING btree (call_id);


--
-- Name: contactcenter_historicalconference_history_date_fe0b8c0d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_history_date_fe0b8c0d ON public.contactcenter_historicalconference USING btree (history_date);


--
-- Name: contactcenter_historicalconference_history_user_id_3992bd81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_history_user_id_3992bd81 ON public.contactcenter_historicalconference USING btree (history_user_id);


--
-- Name: contactcenter_historicalconference_id_625536db; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_id_625536db ON public.contactcenter_historicalconference USING btree (id);


--
-- Name: contactcenter_historicalconference_name_decb88f5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_name_decb88f5 ON public.contactcenter_historicalconference USING btree (name);


--
-- Name: contactcenter_historicalconference_name_decb88f5_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_name_decb88f5_like ON public.contactcenter_historicalconference USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_historicalconference_sid_c40f824f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_sid_c40f824f ON public.contactcenter_historicalconference USING btree (sid);


--
-- Name: contactcenter_historicalconference_sid_c40f824f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconference_sid_c40f824f_like ON public.contactcenter_historicalconference USING btree (sid varchar_pattern_ops);


--
-- Name: contactcenter_historicalconferenceevent_conference_id_0f89ed07; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceevent_conference_id_0f89ed07 ON public.contactcenter_historicalconferenceevent USING btree (conference_id);


--
-- Name: contactcenter_historicalconferenceevent_history_date_0e503e35; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceevent_history_date_0e503e35 ON public.contactcenter_historicalconferenceevent USING btree (history_date);


--
-- Name: contactcenter_historicalconferenceevent_id_02844116; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceevent_id_02844116 ON public.contactcenter_historicalconferenceevent USING btree (id);


--
-- Name: contactcenter_historicalconferenceleg_call_sid_cab2d250; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_call_sid_cab2d250 ON public.contactcenter_historicalconferenceleg USING btree (call_sid);


--
-- Name: contactcenter_historicalconferenceleg_call_sid_cab2d250_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_call_sid_cab2d250_like ON public.contactcenter_historicalconferenceleg USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_historicalconferenceleg_conference_id_edf2e6f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_conference_id_edf2e6f4 ON public.contactcenter_historicalconferenceleg USING btree (conference_id);


--
-- Name: contactcenter_historicalconferenceleg_history_date_5e569254; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_history_date_5e569254 ON public.contactcenter_historicalconferenceleg USING btree (history_date);


--
-- Name: contactcenter_historicalconferenceleg_history_user_id_5a671790; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_history_user_id_5a671790 ON public.contactcenter_historicalconferenceleg USING btree (history_user_id);


--
-- Name: contactcenter_historicalconferenceleg_id_49369cae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_id_49369cae ON public.contactcenter_historicalconferenceleg USING btree (id);


--
-- Name: contactcenter_historicalconferenceleg_user_id_549480cc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalconferenceleg_user_id_549480cc ON public.contactcenter_historicalconferenceleg USING btree (user_id);


--
-- Name: contactcenter_historicaldiallist_calendar_id_7d2bbb2f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_calendar_id_7d2bbb2f ON public.contactcenter_historicaldiallist USING btree (calendar_id);


--
-- Name: contactcenter_historicaldiallist_history_date_35598ba0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_history_date_35598ba0 ON public.contactcenter_historicaldiallist USING btree (history_date);


--
-- Name: contactcenter_historicaldiallist_history_user_id_6631eb30; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_history_user_id_6631eb30 ON public.contactcenter_historicaldiallist USING btree (history_user_id);


--
-- Name: contactcenter_historicaldiallist_id_99fcb5f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_id_99fcb5f6 ON public.contactcenter_historicaldiallist USING btree (id);


--
-- Name: contactcenter_historicaldiallist_line_id_c074bb06; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_line_id_c074bb06 ON public.contactcenter_historicaldiallist USING btree (line_id);


--
-- Name: contactcenter_historicaldiallist_queue_id_6d1a12f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallist_queue_id_6d1a12f0 ON public.contactcenter_historicaldiallist USING btree (queue_id);


--
-- Name: contactcenter_historicaldiallistentry_callback_id_6eec2832; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_callback_id_6eec2832 ON public.contactcenter_historicaldiallistentry USING btree (callback_id);


--
-- Name: contactcenter_historicaldiallistentry_contact_id_8b98f333; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_contact_id_8b98f333 ON public.contactcenter_historicaldiallistentry USING btree (contact_id);


--
-- Name: contactcenter_historicaldiallistentry_dial_list_id_2adb586c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_dial_list_id_2adb586c ON public.contactcenter_historicaldiallistentry USING btree (dial_list_id);


--
-- Name: contactcenter_historicaldiallistentry_history_date_d12e0044; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_history_date_d12e0044 ON public.contactcenter_historicaldiallistentry USING btree (history_date);


--
-- Name: contactcenter_historicaldiallistentry_history_user_id_ed8f6040; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_history_user_id_ed8f6040 ON public.contactcenter_historicaldiallistentry USING btree (history_user_id);


--
-- Name: contactcenter_historicaldiallistentry_id_48a335f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_id_48a335f0 ON public.contactcenter_historicaldiallistentry USING btree (id);


--
-- Name: contactcenter_historicaldiallistentry_last_call_id_9ebd9b09; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaldiallistentry_last_call_id_9ebd9b09 ON public.contactcenter_historicaldiallistentry USING btree (last_call_id);


--
-- Name: contactcenter_historicalev_history_date_438796b4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalev_history_date_438796b4 ON public.contactcenter_historicalevaluationquestion USING btree (history_date);


--
-- Name: contactcenter_historicalev_history_user_id_2e26b98d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalev_history_user_id_2e26b98d ON public.contactcenter_historicalevaluationquestion USING btree (history_user_id);


--
-- Name: contactcenter_historicalev_history_user_id_fe1eeb0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalev_history_user_id_fe1eeb0a ON public.contactcenter_historicalevaluationanswer USING btree (history_user_id);


--
-- Name: contactcenter_historicalevaluation_agent_id_9c997805; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_agent_id_9c997805 ON public.contactcenter_historicalevaluation USING btree (agent_id);


--
-- Name: contactcenter_historicalevaluation_call_id_532b0870; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_call_id_532b0870 ON public.contactcenter_historicalevaluation USING btree (call_id);


--
-- Name: contactcenter_historicalevaluation_evaluator_id_a676a1b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_evaluator_id_a676a1b0 ON public.contactcenter_historicalevaluation USING btree (evaluator_id);


--
-- Name: contactcenter_historicalevaluation_form_id_9f5a6520; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_form_id_9f5a6520 ON public.contactcenter_historicalevaluation USING btree (form_id);


--
-- Name: contactcenter_historicalevaluation_history_date_d8f5882d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_history_date_d8f5882d ON public.contactcenter_historicalevaluation USING btree (history_date);


--
-- Name: contactcenter_historicalevaluation_history_user_id_c0a11d50; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_history_user_id_c0a11d50 ON public.contactcenter_historicalevaluation USING btree (history_user_id);


--
-- Name: contactcenter_historicalevaluation_id_cee67c42; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_id_cee67c42 ON public.contactcenter_historicalevaluation USING btree (id);


--
-- Name: contactcenter_historicalevaluation_queue_id_852a2bd3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluation_queue_id_852a2bd3 ON public.contactcenter_historicalevaluation USING btree (queue_id);


--
-- Name: contactcenter_historicalevaluationanswer_evaluation_id_c5cd0a58; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationanswer_evaluation_id_c5cd0a58 ON public.contactcenter_historicalevaluationanswer USING btree (evaluation_id);


--
-- Name: contactcenter_historicalevaluationanswer_history_date_2b0f25dc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationanswer_history_date_2b0f25dc ON public.contactcenter_historicalevaluationanswer USING btree (history_date);


--
-- Name: contactcenter_historicalevaluationanswer_id_946756c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationanswer_id_946756c6 ON public.contactcenter_historicalevaluationanswer USING btree (id);


--
-- Name: contactcenter_historicalevaluationanswer_question_id_7536e1c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationanswer_question_id_7536e1c4 ON public.contactcenter_historicalevaluationanswer USING btree (question_id);


--
-- Name: contactcenter_historicalevaluationform_history_date_5ce6319a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationform_history_date_5ce6319a ON public.contactcenter_historicalevaluationform USING btree (history_date);


--
-- Name: contactcenter_historicalevaluationform_history_user_id_5efbdcc0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationform_history_user_id_5efbdcc0 ON public.contactcenter_historicalevaluationform USING btree (history_user_id);


--
-- Name: contactcenter_historicalevaluationform_id_32b80f0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationform_id_32b80f0a ON public.contactcenter_historicalevaluationform USING btree (id);


--
-- Name: contactcenter_historicalevaluationform_queue_id_4e305642; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationform_queue_id_4e305642 ON public.contactcenter_historicalevaluationform USING btree (queue_id);


--
-- Name: contactcenter_historicalevaluationquestion_form_id_afe08244; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationquestion_form_id_afe08244 ON public.contactcenter_historicalevaluationquestion USING btree (form_id);


--
-- Name: contactcenter_historicalevaluationquestion_id_60d1be7b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalevaluationquestion_id_60d1be7b ON public.contactcenter_historicalevaluationquestion USING btree (id);


--
-- Name: contactcenter_historicalline_calendar_id_1bda8b3e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_calendar_id_1bda8b3e ON public.contactcenter_historicalline USING btree (calendar_id);


--
-- Name: contactcenter_historicalline_history_date_a90bdba2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_history_date_a90bdba2 ON public.contactcenter_historicalline USING btree (history_date);


--
-- Name: contactcenter_historicalline_history_user_id_1d27187f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_history_user_id_1d27187f ON public.contactcenter_historicalline USING btree (history_user_id);


--
-- Name: contactcenter_historicalline_id_4157b22c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_id_4157b22c ON public.contactcenter_historicalline USING btree (id);


--
-- Name: contactcenter_historicalline_number_3053fd69; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_number_3053fd69 ON public.contactcenter_historicalline USING btree (number);


--
-- Name: contactcenter_historicalline_number_3053fd69_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_number_3053fd69_like ON public.contactcenter_historicalline USING btree (number varchar_pattern_ops);


--
-- Name: contactcenter_historicalline_queue_id_1ed2d7aa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_queue_id_1ed2d7aa ON public.contactcenter_historicalline USING btree (queue_id);


--
-- Name: contactcenter_historicalline_service_id_fbc3e1d6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalline_service_id_fbc3e1d6 ON public.contactcenter_historicalline USING btree (service_id);


--
-- Name: contactcenter_historicalmenuoption_history_date_ce0c68d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_history_date_ce0c68d9 ON public.contactcenter_historicalmenuoption USING btree (history_date);


--
-- Name: contactcenter_historicalmenuoption_history_user_id_6c1386bf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_history_user_id_6c1386bf ON public.contactcenter_historicalmenuoption USING btree (history_user_id);


--
-- Name: contactcenter_historicalmenuoption_id_83b8b51b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_id_83b8b51b ON public.contactcenter_historicalmenuoption USING btree (id);


--
-- Name: contactcenter_historicalmenuoption_line_id_74759add; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_line_id_74759add ON public.contactcenter_historicalmenuoption USING btree (line_id);


--
-- Name: contactcenter_historicalmenuoption_queue_id_5510524b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_queue_id_5510524b ON public.contactcenter_historicalmenuoption USING btree (queue_id);


--
-- Name: contactcenter_historicalmenuoption_service_id_884d7ce2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalmenuoption_service_id_884d7ce2 ON public.contactcenter_historicalmenuoption USING btree (service_id);


--
-- Name: contactcenter_historicalpr_announcement_id_5cf1e40d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_announcement_id_5cf1e40d ON public.contactcenter_historicalpromptrecording USING btree (announcement_id);


--
-- Name: contactcenter_historicalpr_announcement_id_b30381e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_announcement_id_b30381e1 ON public.contactcenter_historicalpromptrecordingsession USING btree (announcement_id);


--
-- Name: contactcenter_historicalpr_call_sid_f9a50469; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_call_sid_f9a50469 ON public.contactcenter_historicalpromptrecordingsession USING btree (call_sid);


--
-- Name: contactcenter_historicalpr_code_hash_af99ebec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_code_hash_af99ebec ON public.contactcenter_historicalpromptrecordingsession USING btree (code_hash);


--
-- Name: contactcenter_historicalpr_history_date_f95dfbea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_history_date_f95dfbea ON public.contactcenter_historicalpromptrecordingsession USING btree (history_date);


--
-- Name: contactcenter_historicalpr_history_user_id_39fa5bc5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_history_user_id_39fa5bc5 ON public.contactcenter_historicalpromptrecording USING btree (history_user_id);


--
-- Name: contactcenter_historicalpr_history_user_id_a6257396; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_history_user_id_a6257396 ON public.contactcenter_historicalpromptrecordingsession USING btree (history_user_id);


--
-- Name: contactcenter_historicalpr_recording_id_d0e507cd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_recording_id_d0e507cd ON public.contactcenter_historicalpromptrecordingsession USING btree (recording_id);


--
-- Name: contactcenter_historicalpr_requested_by_id_a9300f99; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpr_requested_by_id_a9300f99 ON public.contactcenter_historicalpromptrecordingsession USING btree (requested_by_id);


--
-- Name: contactcenter_historicalpromptrecording_history_date_269b297d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecording_history_date_269b297d ON public.contactcenter_historicalpromptrecording USING btree (history_date);


--
-- Name: contactcenter_historicalpromptrecording_id_823bd3db; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecording_id_823bd3db ON public.contactcenter_historicalpromptrecording USING btree (id);


--
-- Name: contactcenter_historicalpromptrecording_line_id_bd0caff0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecording_line_id_bd0caff0 ON public.contactcenter_historicalpromptrecording USING btree (line_id);


--
-- Name: contactcenter_historicalpromptrecording_recorded_by_id_c4fda47b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecording_recorded_by_id_c4fda47b ON public.contactcenter_historicalpromptrecording USING btree (recorded_by_id);


--
-- Name: contactcenter_historicalpromptrecordingsession_id_4d2da768; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecordingsession_id_4d2da768 ON public.contactcenter_historicalpromptrecordingsession USING btree (id);


--
-- Name: contactcenter_historicalpromptrecordingsession_line_id_a87a395a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalpromptrecordingsession_line_id_a87a395a ON public.contactcenter_historicalpromptrecordingsession USING btree (line_id);


--
-- Name: contactcenter_historicalprovider_history_date_aab430bf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalprovider_history_date_aab430bf ON public.contactcenter_historicalprovider USING btree (history_date);


--
-- Name: contactcenter_historicalprovider_history_user_id_ba4e879b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalprovider_history_user_id_ba4e879b ON public.contactcenter_historicalprovider USING btree (history_user_id);


--
-- Name: contactcenter_historicalprovider_id_16e1a057; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalprovider_id_16e1a057 ON public.contactcenter_historicalprovider USING btree (id);


--
-- Name: contactcenter_historicalprovider_name_e9b162cd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalprovider_name_e9b162cd ON public.contactcenter_historicalprovider USING btree (name);


--
-- Name: contactcenter_historicalprovider_name_e9b162cd_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalprovider_name_e9b162cd_like ON public.contactcenter_historicalprovider USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_historicalqueue_history_date_67615052; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_history_date_67615052 ON public.contactcenter_historicalqueue USING btree (history_date);


--
-- Name: contactcenter_historicalqueue_history_user_id_8087c604; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_history_user_id_8087c604 ON public.contactcenter_historicalqueue USING btree (history_user_id);


--
-- Name: contactcenter_historicalqueue_id_83593a7e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_id_83593a7e ON public.contactcenter_historicalqueue USING btree (id);


--
-- Name: contactcenter_historicalqueue_name_1b07c4c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_name_1b07c4c4 ON public.contactcenter_historicalqueue USING btree (name);


--
-- Name: contactcenter_historicalqueue_name_1b07c4c4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_name_1b07c4c4_like ON public.contactcenter_historicalqueue USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_historicalqueue_provider_id_bc09f615; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_provider_id_bc09f615 ON public.contactcenter_historicalqueue USING btree (provider_id);


--
-- Name: contactcenter_historicalqueue_skill_id_0ce588cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalqueue_skill_id_0ce588cb ON public.contactcenter_historicalqueue USING btree (skill_id);


--
-- Name: contactcenter_historicalsu_history_user_id_87f59b16; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsu_history_user_id_87f59b16 ON public.contactcenter_historicalsupervisionaction USING btree (history_user_id);


--
-- Name: contactcenter_historicalsu_supervisor_id_af33297b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsu_supervisor_id_af33297b ON public.contactcenter_historicalsupervisionaction USING btree (supervisor_id);


--
-- Name: contactcenter_historicalsupervisionaction_call_id_4288ed56; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsupervisionaction_call_id_4288ed56 ON public.contactcenter_historicalsupervisionaction USING btree (call_id);


--
-- Name: contactcenter_historicalsupervisionaction_history_date_bee6c868; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsupervisionaction_history_date_bee6c868 ON public.contactcenter_historicalsupervisionaction USING btree (history_date);


--
-- Name: contactcenter_historicalsupervisionaction_id_c52295aa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsupervisionaction_id_c52295aa ON public.contactcenter_historicalsupervisionaction USING btree (id);


--
-- Name: contactcenter_historicalsupervisionaction_leg_id_53d39c60; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalsupervisionaction_leg_id_53d39c60 ON public.contactcenter_historicalsupervisionaction USING btree (leg_id);


--
-- Name: contactcenter_historicalte_history_id_850e3aec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalte_history_id_850e3aec ON public.contactcenter_historicaltemporaryagent_queues USING btree (history_id);


--
-- Name: contactcenter_historicalte_major_incident_id_442aef39; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalte_major_incident_id_442aef39 ON public.contactcenter_historicaltemporaryagent USING btree (major_incident_id);


--
-- Name: contactcenter_historicalte_temporaryagent_id_513730de; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalte_temporaryagent_id_513730de ON public.contactcenter_historicaltemporaryagent_queues USING btree (temporaryagent_id);


--
-- Name: contactcenter_historicalteamprovider_history_date_97f999d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalteamprovider_history_date_97f999d4 ON public.contactcenter_historicalteamprovider USING btree (history_date);


--
-- Name: contactcenter_historicalteamprovider_history_user_id_59d71eb1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalteamprovider_history_user_id_59d71eb1 ON public.contactcenter_historicalteamprovider USING btree (history_user_id);


--
-- Name: contactcenter_historicalteamprovider_id_86c64a67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalteamprovider_id_86c64a67 ON public.contactcenter_historicalteamprovider USING btree (id);


--
-- Name: contactcenter_historicalteamprovider_provider_id_f56d6afa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalteamprovider_provider_id_f56d6afa ON public.contactcenter_historicalteamprovider USING btree (provider_id);


--
-- Name: contactcenter_historicalteamprovider_team_id_eba846a0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicalteamprovider_team_id_eba846a0 ON public.contactcenter_historicalteamprovider USING btree (team_id);


--
-- Name: contactcenter_historicaltemporaryagent_history_date_7eb10baa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_history_date_7eb10baa ON public.contactcenter_historicaltemporaryagent USING btree (history_date);


--
-- Name: contactcenter_historicaltemporaryagent_history_user_id_b47c4567; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_history_user_id_b47c4567 ON public.contactcenter_historicaltemporaryagent USING btree (history_user_id);


--
-- Name: contactcenter_historicaltemporaryagent_id_b9b68f59; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_id_b9b68f59 ON public.contactcenter_historicaltemporaryagent USING btree (id);


--
-- Name: contactcenter_historicaltemporaryagent_queues_id_01d8a05b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_queues_id_01d8a05b ON public.contactcenter_historicaltemporaryagent_queues USING btree (id);


--
-- Name: contactcenter_historicaltemporaryagent_queues_queue_id_90469415; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_queues_queue_id_90469415 ON public.contactcenter_historicaltemporaryagent_queues USING btree (queue_id);


--
-- Name: contactcenter_historicaltemporaryagent_user_id_f0865afb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_historicaltemporaryagent_user_id_f0865afb ON public.contactcenter_historicaltemporaryagent USING btree (user_id);


--
-- Name: contactcenter_line_calendar_id_0b246915; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_line_calendar_id_0b246915 ON public.contactcenter_line USING btree (calendar_id);


--
-- Name: contactcenter_line_number_9b89c400_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_line_number_9b89c400_like ON public.contactcenter_line USING btree (number varchar_pattern_ops);


--
-- Name: contactcenter_line_queue_id_0a9cad19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_line_queue_id_0a9cad19 ON public.contactcenter_line USING btree (queue_id);


--
-- Name: contactcenter_line_service_id_b3c3800a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_line_service_id_b3c3800a ON public.contactcenter_line USING btree (service_id);


--
-- Name: contactcenter_menuoption_line_id_0f40e2dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_menuoption_line_id_0f40e2dd ON public.contactcenter_menuoption USING btree (line_id);


--
-- Name: contactcenter_menuoption_queue_id_bc2b45dc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_menuoption_queue_id_bc2b45dc ON public.contactcenter_menuoption USING btree (queue_id);


--
-- Name: contactcenter_menuoption_service_id_3baba8ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_menuoption_service_id_3baba8ab ON public.contactcenter_menuoption USING btree (service_id);


--
-- Name: contactcenter_promptrecording_announcement_id_3916600d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecording_announcement_id_3916600d ON public.contactcenter_promptrecording USING btree (announcement_id);


--
-- Name: contactcenter_promptrecording_announcement_language; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contactcenter_promptrecording_announcement_language ON public.contactcenter_promptrecording USING btree (announcement_id, language) WHERE (announcement_id IS NOT NULL);


--
-- Name: contactcenter_promptrecording_line_id_c15a224c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecording_line_id_c15a224c ON public.contactcenter_promptrecording USING btree (line_id);


--
-- Name: contactcenter_promptrecording_line_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contactcenter_promptrecording_line_key ON public.contactcenter_promptrecording USING btree (line_id, key) WHERE (line_id IS NOT NULL);


--
-- Name: contactcenter_promptrecording_recorded_by_id_3820b04e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecording_recorded_by_id_3820b04e ON public.contactcenter_promptrecording USING btree (recorded_by_id);


--
-- Name: contactcenter_promptrecordingsession_announcement_id_1428a746; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_announcement_id_1428a746 ON public.contactcenter_promptrecordingsession USING btree (announcement_id);


--
-- Name: contactcenter_promptrecordingsession_call_sid_021d0d6b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_call_sid_021d0d6b ON public.contactcenter_promptrecordingsession USING btree (call_sid);


--
-- Name: contactcenter_promptrecordingsession_call_sid_021d0d6b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_call_sid_021d0d6b_like ON public.contactcenter_promptrecordingsession USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_promptrecordingsession_code_hash_18af9c4c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_code_hash_18af9c4c ON public.contactcenter_promptrecordingsession USING btree (code_hash);


--
-- Name: contactcenter_promptrecordingsession_code_hash_18af9c4c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_code_hash_18af9c4c_like ON public.contactcenter_promptrecordingsession USING btree (code_hash varchar_pattern_ops);


--
-- Name: contactcenter_promptrecordingsession_line_id_2633626c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_line_id_2633626c ON public.contactcenter_promptrecordingsession USING btree (line_id);


--
-- Name: contactcenter_promptrecordingsession_recording_id_1fe77ef3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_recording_id_1fe77ef3 ON public.contactcenter_promptrecordingsession USING btree (recording_id);


--
-- Name: contactcenter_promptrecordingsession_requested_by_id_d76ec6fe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_promptrecordingsession_requested_by_id_d76ec6fe ON public.contactcenter_promptrecordingsession USING btree (requested_by_id);


--
-- Name: contactcenter_provider_name_8103555a_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_provider_name_8103555a_like ON public.contactcenter_provider USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_queue_name_a1f0b973_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_queue_name_a1f0b973_like ON public.contactcenter_queue USING btree (name varchar_pattern_ops);


--
-- Name: contactcenter_queue_provider_id_0cb45ac8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_queue_provider_id_0cb45ac8 ON public.contactcenter_queue USING btree (provider_id);


--
-- Name: contactcenter_queue_skill_id_59d100c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_queue_skill_id_59d100c4 ON public.contactcenter_queue USING btree (skill_id);


--
-- Name: contactcenter_supervisionaction_call_id_28a3c641; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_supervisionaction_call_id_28a3c641 ON public.contactcenter_supervisionaction USING btree (call_id);


--
-- Name: contactcenter_supervisionaction_leg_id_da7f6a06; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_supervisionaction_leg_id_da7f6a06 ON public.contactcenter_supervisionaction USING btree (leg_id);


--
-- Name: contactcenter_supervisionaction_supervisor_id_fec97f9d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_supervisionaction_supervisor_id_fec97f9d ON public.contactcenter_supervisionaction USING btree (supervisor_id);


--
-- Name: contactcenter_teamprovider_provider_id_2bf704a6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_teamprovider_provider_id_2bf704a6 ON public.contactcenter_teamprovider USING btree (provider_id);


--
-- Name: contactcenter_telephonyrequest_call_sid_5e4b03fd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_telephonyrequest_call_sid_5e4b03fd ON public.contactcenter_telephonyrequest USING btree (call_sid);


--
-- Name: contactcenter_telephonyrequest_call_sid_5e4b03fd_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_telephonyrequest_call_sid_5e4b03fd_like ON public.contactcenter_telephonyrequest USING btree (call_sid varchar_pattern_ops);


--
-- Name: contactcenter_temporaryagent_major_incident_id_51a20f80; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_temporaryagent_major_incident_id_51a20f80 ON public.contactcenter_temporaryagent USING btree (major_incident_id);


--
-- Name: contactcenter_temporaryagent_queues_queue_id_7d84cf25; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_temporaryagent_queues_queue_id_7d84cf25 ON public.contactcenter_temporaryagent_queues USING btree (queue_id);


--
-- Name: contactcenter_temporaryagent_queues_temporaryagent_id_1882032b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_temporaryagent_queues_temporaryagent_id_1882032b ON public.contactcenter_temporaryagent_queues USING btree (temporaryagent_id);


--
-- Name: contactcenter_temporaryagent_user_id_83a42233; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX contactcenter_temporaryagent_user_id_83a42233 ON public.contactcenter_temporaryagent USING btree (user_id);


--
-- Name: core_historicalsavedview_history_date_74b5196b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_historicalsavedview_history_date_74b5196b ON public.core_historicalsavedview USING btree (history_date);


--
-- Name: core_historicalsavedview_history_user_id_14e4aef4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_historicalsavedview_history_user_id_14e4aef4 ON public.core_historicalsavedview USING btree (history_user_id);


--
-- Name: core_historicalsavedview_id_f9b563f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_historicalsavedview_id_f9b563f7 ON public.core_historicalsavedview USING btree (id);


--
-- Name: core_historicalsavedview_owner_id_9164deeb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_historicalsavedview_owner_id_9164deeb ON public.core_historicalsavedview USING btree (owner_id);


--
-- Name: core_savedview_list_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_savedview_list_owner ON public.core_savedview USING btree (list_key, owner_id);


--
-- Name: core_savedview_owner_id_33564278; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_savedview_owner_id_33564278 ON public.core_savedview USING btree (owner_id);


--
-- Name: crm_complaint_call_id_64982958; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_call_id_64982958 ON public.crm_complaint USING btree (call_id);


--
-- Name: crm_complaint_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_contact ON public.crm_complaint USING btree (contact_id, created_at);


--
-- Name: crm_complaint_contact_id_101cc5fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_contact_id_101cc5fb ON public.crm_complaint USING btree (contact_id);


--
-- Name: crm_complaint_created_at_c5ddc0dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_created_at_c5ddc0dd ON public.crm_complaint USING btree (created_at);


--
-- Name: crm_complaint_created_by_id_69c968a5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_created_by_id_69c968a5 ON public.crm_complaint USING btree (created_by_id);


--
-- Name: crm_complaint_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_customer ON public.crm_complaint USING btree (customer_id, created_at);


--
-- Name: crm_complaint_customer_id_ae1022f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_customer_id_ae1022f0 ON public.crm_complaint USING btree (customer_id);


--
-- Name: crm_complaint_incidents_complaint_id_acd0f57e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_incidents_complaint_id_acd0f57e ON public.crm_complaint_incidents USING btree (complaint_id);


--
-- Name: crm_complaint_incidents_incident_id_15c64314; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_incidents_incident_id_15c64314 ON public.crm_complaint_incidents USING btree (incident_id);


--
-- Name: crm_complaint_number_2afd64c3_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_number_2afd64c3_like ON public.crm_complaint USING btree (number varchar_pattern_ops);


--
-- Name: crm_complaint_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_owner ON public.crm_complaint USING btree (owner_id, status);


--
-- Name: crm_complaint_owner_id_e48a0cf0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_owner_id_e48a0cf0 ON public.crm_complaint USING btree (owner_id);


--
-- Name: crm_complaint_requester_id_300797cd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_requester_id_300797cd ON public.crm_complaint USING btree (requester_id);


--
-- Name: crm_complaint_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_search ON public.crm_complaint USING gin (search_vector);


--
-- Name: crm_complaint_service_id_a8d1c979; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_service_id_a8d1c979 ON public.crm_complaint USING btree (service_id);


--
-- Name: crm_complaint_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_status ON public.crm_complaint USING btree (status, created_at);


--
-- Name: crm_complaint_team_id_4543a428; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_complaint_team_id_4543a428 ON public.crm_complaint USING btree (team_id);


--
-- Name: crm_historicalcomplaint_call_id_8d347215; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_call_id_8d347215 ON public.crm_historicalcomplaint USING btree (call_id);


--
-- Name: crm_historicalcomplaint_contact_id_0422897f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_contact_id_0422897f ON public.crm_historicalcomplaint USING btree (contact_id);


--
-- Name: crm_historicalcomplaint_created_at_29971f5b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_created_at_29971f5b ON public.crm_historicalcomplaint USING btree (created_at);


--
-- Name: crm_historicalcomplaint_created_by_id_4a8482f9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_created_by_id_4a8482f9 ON public.crm_historicalcomplaint USING btree (created_by_id);


--
-- Name: crm_historicalcomplaint_customer_id_96b4a0c1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_customer_id_96b4a0c1 ON public.crm_historicalcomplaint USING btree (customer_id);


--
-- Name: crm_historicalcomplaint_history_date_9536862e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_history_date_9536862e ON public.crm_historicalcomplaint USING btree (history_date);


--
-- Name: crm_historicalcomplaint_history_user_id_c5fcfdba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_history_user_id_c5fcfdba ON public.crm_historicalcomplaint USING btree (history_user_id);


--
-- Name: crm_historicalcomplaint_id_f6c32186; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_id_f6c32186 ON public.crm_historicalcomplaint USING btree (id);


--
-- Name: crm_historicalcomplaint_number_c6fa50a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_number_c6fa50a9 ON public.crm_historicalcomplaint USING btree (number);


--
-- Name: crm_historicalcomplaint_number_c6fa50a9_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_number_c6fa50a9_like ON public.crm_historicalcomplaint USING btree (number varchar_pattern_ops);


--
-- Name: crm_historicalcomplaint_owner_id_cb80ee8d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_owner_id_cb80ee8d ON public.crm_historicalcomplaint USING btree (owner_id);


--
-- Name: crm_historicalcomplaint_requester_id_84f43573; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_requester_id_84f43573 ON public.crm_historicalcomplaint USING btree (requester_id);


--
-- Name: crm_historicalcomplaint_service_id_6af160e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_service_id_6af160e1 ON public.crm_historicalcomplaint USING btree (service_id);


--
-- Name: crm_historicalcomplaint_team_id_ef25992f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalcomplaint_team_id_ef25992f ON public.crm_historicalcomplaint USING btree (team_id);


--
-- Name: crm_historicalopportunity_call_id_a2e62d9d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_call_id_a2e62d9d ON public.crm_historicalopportunity USING btree (call_id);


--
-- Name: crm_historicalopportunity_contact_id_d2cd746b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_contact_id_d2cd746b ON public.crm_historicalopportunity USING btree (contact_id);


--
-- Name: crm_historicalopportunity_created_by_id_e096b77c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_created_by_id_e096b77c ON public.crm_historicalopportunity USING btree (created_by_id);


--
-- Name: crm_historicalopportunity_customer_id_b935973f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_customer_id_b935973f ON public.crm_historicalopportunity USING btree (customer_id);


--
-- Name: crm_historicalopportunity_history_date_1bbed000; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_history_date_1bbed000 ON public.crm_historicalopportunity USING btree (history_date);


--
-- Name: crm_historicalopportunity_history_user_id_32378272; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_history_user_id_32378272 ON public.crm_historicalopportunity USING btree (history_user_id);


--
-- Name: crm_historicalopportunity_id_e1a4f847; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_id_e1a4f847 ON public.crm_historicalopportunity USING btree (id);


--
-- Name: crm_historicalopportunity_owner_id_a2647e0b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_historicalopportunity_owner_id_a2647e0b ON public.crm_historicalopportunity USING btree (owner_id);


--
-- Name: crm_opportunity_call_id_aef92e81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_call_id_aef92e81 ON public.crm_opportunity USING btree (call_id);


--
-- Name: crm_opportunity_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_contact ON public.crm_opportunity USING btree (contact_id, created_at);


--
-- Name: crm_opportunity_contact_id_465c4e5e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_contact_id_465c4e5e ON public.crm_opportunity USING btree (contact_id);


--
-- Name: crm_opportunity_created_by_id_7bebf7f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_created_by_id_7bebf7f6 ON public.crm_opportunity USING btree (created_by_id);


--
-- Name: crm_opportunity_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_customer ON public.crm_opportunity USING btree (customer_id, created_at);


--
-- Name: crm_opportunity_customer_id_8d387d8e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_customer_id_8d387d8e ON public.crm_opportunity USING btree (customer_id);


--
-- Name: crm_opportunity_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_owner ON public.crm_opportunity USING btree (owner_id, stage);


--
-- Name: crm_opportunity_owner_id_9647aa78; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_opportunity_owner_id_9647aa78 ON public.crm_opportunity USING btree (owner_id);


--
-- Name: crm_survey_agent_id_b362cbb9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_agent_id_b362cbb9 ON public.crm_survey USING btree (agent_id);


--
-- Name: crm_survey_answered; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_answered ON public.crm_survey USING btree (answered_at) WHERE (score IS NOT NULL);


--
-- Name: crm_survey_contact_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_contact_at ON public.crm_survey USING btree (contact_id, COALESCE(answered_at, sent_at));


--
-- Name: crm_survey_contact_id_90c46008; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_contact_id_90c46008 ON public.crm_survey USING btree (contact_id);


--
-- Name: crm_survey_customer_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_customer_at ON public.crm_survey USING btree (customer_id, COALESCE(answered_at, sent_at));


--
-- Name: crm_survey_customer_id_4801fd51; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_customer_id_4801fd51 ON public.crm_survey USING btree (customer_id);


--
-- Name: crm_survey_sent_at_5ba8dea3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_sent_at_5ba8dea3 ON public.crm_survey USING btree (sent_at);


--
-- Name: crm_survey_team_id_6ffdf221; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX crm_survey_team_id_6ffdf221 ON public.crm_survey USING btree (team_id);


--
-- Name: demand_service_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX demand_service_at ON public.incidents_demandsignal USING btree (service_id, at);


--
-- Name: dial_entry_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dial_entry_due ON public.contactcenter_diallistentry USING btree (dial_list_id, next_attempt_at, id) WHERE ((status)::text = 'pending'::text);


--
-- Name: django_admin_log_content_type_id_c4bce8eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_content_type_id_c4bce8eb ON public.django_admin_log USING btree (content_type_id);


--
-- Name: django_admin_log_user_id_c564eba6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_user_id_c564eba6 ON public.django_admin_log USING btree (user_id);


--
-- Name: django_session_expire_date_a5c62663; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_expire_date_a5c62663 ON public.django_session USING btree (expire_date);


--
-- Name: django_session_session_key_c0390e0f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_session_key_c0390e0f_like ON public.django_session USING btree (session_key varchar_pattern_ops);


--
-- Name: evaluation_agent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX evaluation_agent ON public.contactcenter_evaluation USING btree (agent_id, submitted_at);


--
-- Name: evaluation_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX evaluation_queue ON public.contactcenter_evaluation USING btree (queue_id, submitted_at);


--
-- Name: incident_assignee_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_assignee_status ON public.incidents_incident USING btree (assignee_id, status);


--
-- Name: incident_contact_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_contact_created ON public.incidents_incident USING btree (contact_id, created_at);


--
-- Name: incident_customer_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_customer_created ON public.incidents_incident USING btree (customer_id, created_at);


--
-- Name: incident_note_timeline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_note_timeline ON public.incidents_incidentnote USING btree (incident_id, created_at);


--
-- Name: incident_open_priority; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_open_priority ON public.incidents_incident USING btree (priority, created_at, id) WHERE ((status)::text = ANY ((ARRAY['new'::character varying, 'assigned'::character varying, 'in_progress'::character varying, 'on_hold'::character varying])::text[]));


--
-- Name: incident_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_queue ON public.incidents_incident USING btree (status, priority, created_at);


--
-- Name: incident_resolved; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_resolved ON public.incidents_incident USING btree (status, resolved_at) WHERE ((status)::text = 'resolved'::text);


--
-- Name: incident_service_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_service_created ON public.incidents_incident USING btree (service_id, created_at);


--
-- Name: incident_team_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incident_team_status ON public.incidents_incident USING btree (team_id, status);


--
-- Name: incidents_attachment_incident_id_928da522; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_attachment_incident_id_928da522 ON public.incidents_attachment USING btree (incident_id);


--
-- Name: incidents_attachment_note_id_b61056bd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_attachment_note_id_b61056bd ON public.incidents_attachment USING btree (note_id);


--
-- Name: incidents_attachment_uploaded_by_id_d917adef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_attachment_uploaded_by_id_d917adef ON public.incidents_attachment USING btree (uploaded_by_id);


--
-- Name: incidents_demandsignal_once; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX incidents_demandsignal_once ON public.incidents_demandsignal USING btree (source, reference) WHERE (NOT ((reference)::text = ''::text));


--
-- Name: incidents_demandsignal_service_id_44449d0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_demandsignal_service_id_44449d0a ON public.incidents_demandsignal USING btree (service_id);


--
-- Name: incidents_historicalattachment_history_date_d354dc08; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_history_date_d354dc08 ON public.incidents_historicalattachment USING btree (history_date);


--
-- Name: incidents_historicalattachment_history_user_id_4e4cef69; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_history_user_id_4e4cef69 ON public.incidents_historicalattachment USING btree (history_user_id);


--
-- Name: incidents_historicalattachment_id_53761e81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_id_53761e81 ON public.incidents_historicalattachment USING btree (id);


--
-- Name: incidents_historicalattachment_incident_id_af6328c2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_incident_id_af6328c2 ON public.incidents_historicalattachment USING btree (incident_id);


--
-- Name: incidents_historicalattachment_note_id_cc83e296; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_note_id_cc83e296 ON public.incidents_historicalattachment USING btree (note_id);


--
-- Name: incidents_historicalattachment_uploaded_by_id_bfdee544; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalattachment_uploaded_by_id_bfdee544 ON public.incidents_historicalattachment USING btree (uploaded_by_id);


--
-- Name: incidents_historicalincident_assignee_id_acde6517; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_assignee_id_acde6517 ON public.incidents_historicalincident USING btree (assignee_id);


--
-- Name: incidents_historicalincident_ci_id_69f6e892; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_ci_id_69f6e892 ON public.incidents_historicalincident USING btree (ci_id);


--
-- Name: incidents_historicalincident_contact_id_925f5762; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_contact_id_925f5762 ON public.incidents_historicalincident USING btree (contact_id);


--
-- Name: incidents_historicalincident_created_at_db632964; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_created_at_db632964 ON public.incidents_historicalincident USING btree (created_at);


--
-- Name: incidents_historicalincident_created_by_id_93bbf782; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_created_by_id_93bbf782 ON public.incidents_historicalincident USING btree (created_by_id);


--
-- Name: incidents_historicalincident_customer_id_d22556ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_customer_id_d22556ea ON public.incidents_historicalincident USING btree (customer_id);


--
-- Name: incidents_historicalincident_history_date_fbf5eee7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_history_date_fbf5eee7 ON public.incidents_historicalincident USING btree (history_date);


--
-- Name: incidents_historicalincident_history_user_id_716b9f52; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_history_user_id_716b9f52 ON public.incidents_historicalincident USING btree (history_user_id);


--
-- Name: incidents_historicalincident_id_e97ac952; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_id_e97ac952 ON public.incidents_historicalincident USING btree (id);


--
-- Name: incidents_historicalincident_number_0805e0d7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_number_0805e0d7 ON public.incidents_historicalincident USING btree (number);


--
-- Name: incidents_historicalincident_number_0805e0d7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_number_0805e0d7_like ON public.incidents_historicalincident USING btree (number varchar_pattern_ops);


--
-- Name: incidents_historicalincident_parent_id_fd94c6be; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_parent_id_fd94c6be ON public.incidents_historicalincident USING btree (parent_id);


--
-- Name: incidents_historicalincident_requester_id_75e08da3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_requester_id_75e08da3 ON public.incidents_historicalincident USING btree (requester_id);


--
-- Name: incidents_historicalincident_service_id_f0278751; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_service_id_f0278751 ON public.incidents_historicalincident USING btree (service_id);


--
-- Name: incidents_historicalincident_team_id_5652b354; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincident_team_id_5652b354 ON public.incidents_historicalincident USING btree (team_id);


--
-- Name: incidents_historicalincidentnote_author_id_c2a0deec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincidentnote_author_id_c2a0deec ON public.incidents_historicalincidentnote USING btree (author_id);


--
-- Name: incidents_historicalincidentnote_history_date_773d7b42; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincidentnote_history_date_773d7b42 ON public.incidents_historicalincidentnote USING btree (history_date);


--
-- Name: incidents_historicalincidentnote_history_user_id_ff80d879; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincidentnote_history_user_id_ff80d879 ON public.incidents_historicalincidentnote USING btree (history_user_id);


--
-- Name: incidents_historicalincidentnote_id_262c715b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincidentnote_id_262c715b ON public.incidents_historicalincidentnote USING btree (id);


--
-- Name: incidents_historicalincidentnote_incident_id_6bcfb564; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalincidentnote_incident_id_6bcfb564 ON public.incidents_historicalincidentnote USING btree (incident_id);


--
-- Name: incidents_historicalmajori_history_user_id_9f3b947d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajori_history_user_id_9f3b947d ON public.incidents_historicalmajorincidentmember USING btree (history_user_id);


--
-- Name: incidents_historicalmajori_major_incident_id_46979c0e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajori_major_incident_id_46979c0e ON public.incidents_historicalmajorincidentmember USING btree (major_incident_id);


--
-- Name: incidents_historicalmajori_major_incident_id_f142dc45; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajori_major_incident_id_f142dc45 ON public.incidents_historicalmajorincidenttask USING btree (major_incident_id);


--
-- Name: incidents_historicalmajorincident_declared_at_75ed759a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_declared_at_75ed759a ON public.incidents_historicalmajorincident USING btree (declared_at);


--
-- Name: incidents_historicalmajorincident_declared_by_id_5a76ec54; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_declared_by_id_5a76ec54 ON public.incidents_historicalmajorincident USING btree (declared_by_id);


--
-- Name: incidents_historicalmajorincident_history_date_b2c59ab6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_history_date_b2c59ab6 ON public.incidents_historicalmajorincident USING btree (history_date);


--
-- Name: incidents_historicalmajorincident_history_user_id_13e7388d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_history_user_id_13e7388d ON public.incidents_historicalmajorincident USING btree (history_user_id);


--
-- Name: incidents_historicalmajorincident_id_54f4c16b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_id_54f4c16b ON public.incidents_historicalmajorincident USING btree (id);


--
-- Name: incidents_historicalmajorincident_incident_id_6c0b5285; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_incident_id_6c0b5285 ON public.incidents_historicalmajorincident USING btree (incident_id);


--
-- Name: incidents_historicalmajorincident_manager_id_867b0703; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincident_manager_id_867b0703 ON public.incidents_historicalmajorincident USING btree (manager_id);


--
-- Name: incidents_historicalmajorincidentmember_added_by_id_eeca0340; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidentmember_added_by_id_eeca0340 ON public.incidents_historicalmajorincidentmember USING btree (added_by_id);


--
-- Name: incidents_historicalmajorincidentmember_history_date_8c867e25; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidentmember_history_date_8c867e25 ON public.incidents_historicalmajorincidentmember USING btree (history_date);


--
-- Name: incidents_historicalmajorincidentmember_id_e38ea23e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidentmember_id_e38ea23e ON public.incidents_historicalmajorincidentmember USING btree (id);


--
-- Name: incidents_historicalmajorincidentmember_user_id_09a628e4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidentmember_user_id_09a628e4 ON public.incidents_historicalmajorincidentmember USING btree (user_id);


--
-- Name: incidents_historicalmajorincidenttask_assignee_id_46ae7cce; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidenttask_assignee_id_46ae7cce ON public.incidents_historicalmajorincidenttask USING btree (assignee_id);


--
-- Name: incidents_historicalmajorincidenttask_created_by_id_223d7925; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidenttask_created_by_id_223d7925 ON public.incidents_historicalmajorincidenttask USING btree (created_by_id);


--
-- Name: incidents_historicalmajorincidenttask_history_date_f893de29; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidenttask_history_date_f893de29 ON public.incidents_historicalmajorincidenttask USING btree (history_date);


--
-- Name: incidents_historicalmajorincidenttask_history_user_id_be9fa965; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidenttask_history_user_id_be9fa965 ON public.incidents_historicalmajorincidenttask USING btree (history_user_id);


--
-- Name: incidents_historicalmajorincidenttask_id_aa752815; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalmajorincidenttask_id_aa752815 ON public.incidents_historicalmajorincidenttask USING btree (id);


--
-- Name: incidents_historicalpostmortem_history_date_45bbeacc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalpostmortem_history_date_45bbeacc ON public.incidents_historicalpostmortem USING btree (history_date);


--
-- Name: incidents_historicalpostmortem_history_user_id_eef56400; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalpostmortem_history_user_id_eef56400 ON public.incidents_historicalpostmortem USING btree (history_user_id);


--
-- Name: incidents_historicalpostmortem_id_2016f78a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalpostmortem_id_2016f78a ON public.incidents_historicalpostmortem USING btree (id);


--
-- Name: incidents_historicalpostmortem_major_incident_id_fefeafb2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalpostmortem_major_incident_id_fefeafb2 ON public.incidents_historicalpostmortem USING btree (major_incident_id);


--
-- Name: incidents_historicalpostmortem_updated_by_id_ef23d577; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalpostmortem_updated_by_id_ef23d577 ON public.incidents_historicalpostmortem USING btree (updated_by_id);


--
-- Name: incidents_historicalprioritymatrix_history_date_eb174859; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalprioritymatrix_history_date_eb174859 ON public.incidents_historicalprioritymatrix USING btree (history_date);


--
-- Name: incidents_historicalprioritymatrix_history_user_id_718264e2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalprioritymatrix_history_user_id_718264e2 ON public.incidents_historicalprioritymatrix USING btree (history_user_id);


--
-- Name: incidents_historicalprioritymatrix_id_eae74d36; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalprioritymatrix_id_eae74d36 ON public.incidents_historicalprioritymatrix USING btree (id);


--
-- Name: incidents_historicalspikealert_decided_by_id_9bdfc82d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_decided_by_id_9bdfc82d ON public.incidents_historicalspikealert USING btree (decided_by_id);


--
-- Name: incidents_historicalspikealert_flagged_by_id_8c8b0d47; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_flagged_by_id_8c8b0d47 ON public.incidents_historicalspikealert USING btree (flagged_by_id);


--
-- Name: incidents_historicalspikealert_history_date_b93e2c47; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_history_date_b93e2c47 ON public.incidents_historicalspikealert USING btree (history_date);


--
-- Name: incidents_historicalspikealert_history_user_id_27ce38d8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_history_user_id_27ce38d8 ON public.incidents_historicalspikealert USING btree (history_user_id);


--
-- Name: incidents_historicalspikealert_id_cf7c8ebe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_id_cf7c8ebe ON public.incidents_historicalspikealert USING btree (id);


--
-- Name: incidents_historicalspikealert_incident_id_3a11899c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_incident_id_3a11899c ON public.incidents_historicalspikealert USING btree (incident_id);


--
-- Name: incidents_historicalspikealert_major_incident_id_7503edc1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_major_incident_id_7503edc1 ON public.incidents_historicalspikealert USING btree (major_incident_id);


--
-- Name: incidents_historicalspikealert_rule_id_87ed4fb9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_rule_id_87ed4fb9 ON public.incidents_historicalspikealert USING btree (rule_id);


--
-- Name: incidents_historicalspikealert_service_id_a54bd37c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikealert_service_id_a54bd37c ON public.incidents_historicalspikealert USING btree (service_id);


--
-- Name: incidents_historicalspikerule_history_date_18fbd8d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikerule_history_date_18fbd8d9 ON public.incidents_historicalspikerule USING btree (history_date);


--
-- Name: incidents_historicalspikerule_history_user_id_7baa0bbc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikerule_history_user_id_7baa0bbc ON public.incidents_historicalspikerule USING btree (history_user_id);


--
-- Name: incidents_historicalspikerule_id_a62afd90; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikerule_id_a62afd90 ON public.incidents_historicalspikerule USING btree (id);


--
-- Name: incidents_historicalspikerule_service_id_1a53ee79; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalspikerule_service_id_1a53ee79 ON public.incidents_historicalspikerule USING btree (service_id);


--
-- Name: incidents_historicalstakeh_major_incident_id_02c2163e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalstakeh_major_incident_id_02c2163e ON public.incidents_historicalstakeholderupdate USING btree (major_incident_id);


--
-- Name: incidents_historicalstakeholderupdate_author_id_0e00c1f2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalstakeholderupdate_author_id_0e00c1f2 ON public.incidents_historicalstakeholderupdate USING btree (author_id);


--
-- Name: incidents_historicalstakeholderupdate_history_date_ddd39521; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalstakeholderupdate_history_date_ddd39521 ON public.incidents_historicalstakeholderupdate USING btree (history_date);


--
-- Name: incidents_historicalstakeholderupdate_history_user_id_bfebd8fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalstakeholderupdate_history_user_id_bfebd8fb ON public.incidents_historicalstakeholderupdate USING btree (history_user_id);


--
-- Name: incidents_historicalstakeholderupdate_id_573d11cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_historicalstakeholderupdate_id_573d11cb ON public.incidents_historicalstakeholderupdate USING btree (id);


--
-- Name: incidents_incident_assignee_id_34068d21; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_assignee_id_34068d21 ON public.incidents_incident USING btree (assignee_id);


--
-- Name: incidents_incident_ci_id_b7cd0c38; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_ci_id_b7cd0c38 ON public.incidents_incident USING btree (ci_id);


--
-- Name: incidents_incident_contact_id_389bbfc2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_contact_id_389bbfc2 ON public.incidents_incident USING btree (contact_id);


--
-- Name: incidents_incident_created_at_cf5e1cd8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_created_at_cf5e1cd8 ON public.incidents_incident USING btree (created_at);


--
-- Name: incidents_incident_created_by_id_c29d8b73; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_created_by_id_c29d8b73 ON public.incidents_incident USING btree (created_by_id);


--
-- Name: incidents_incident_customer_id_a4353357; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_customer_id_a4353357 ON public.incidents_incident USING btree (customer_id);


--
-- Name: incidents_incident_number_ddca7db7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_number_ddca7db7_like ON public.incidents_incident USING btree (number varchar_pattern_ops);


--
-- Name: incidents_incident_parent_id_a97d2b5e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_parent_id_a97d2b5e ON public.incidents_incident USING btree (parent_id);


--
-- Name: incidents_incident_requester_id_74a5fc10; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_requester_id_74a5fc10 ON public.incidents_incident USING btree (requester_id);


--
-- Name: incidents_incident_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_search ON public.incidents_incident USING gin (search_vector);


--
-- Name: incidents_incident_service_id_a8801d6e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_service_id_a8801d6e ON public.incidents_incident USING btree (service_id);


--
-- Name: incidents_incident_team_id_099347d8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incident_team_id_099347d8 ON public.incidents_incident USING btree (team_id);


--
-- Name: incidents_incidentnote_author_id_9a07d12c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incidentnote_author_id_9a07d12c ON public.incidents_incidentnote USING btree (author_id);


--
-- Name: incidents_incidentnote_incident_id_f728af84; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_incidentnote_incident_id_f728af84 ON public.incidents_incidentnote USING btree (incident_id);


--
-- Name: incidents_majorincident_declared_at_ce9412d7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_declared_at_ce9412d7 ON public.incidents_majorincident USING btree (declared_at);


--
-- Name: incidents_majorincident_declared_by_id_07a60527; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_declared_by_id_07a60527 ON public.incidents_majorincident USING btree (declared_by_id);


--
-- Name: incidents_majorincident_live_bridge_pin; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX incidents_majorincident_live_bridge_pin ON public.incidents_majorincident USING btree (bridge_pin) WHERE (NOT ((status)::text = 'closed'::text));


--
-- Name: incidents_majorincident_manager_id_c48e35ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_manager_id_c48e35ab ON public.incidents_majorincident USING btree (manager_id);


--
-- Name: incidents_majorincident_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_search ON public.incidents_majorincident USING gin (search_vector);


--
-- Name: incidents_majorincident_services_majorincident_id_f1de3868; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_services_majorincident_id_f1de3868 ON public.incidents_majorincident_services USING btree (majorincident_id);


--
-- Name: incidents_majorincident_services_service_id_299603b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincident_services_service_id_299603b2 ON public.incidents_majorincident_services USING btree (service_id);


--
-- Name: incidents_majorincidentmember_added_by_id_20425863; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidentmember_added_by_id_20425863 ON public.incidents_majorincidentmember USING btree (added_by_id);


--
-- Name: incidents_majorincidentmember_major_incident_id_23b4152f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidentmember_major_incident_id_23b4152f ON public.incidents_majorincidentmember USING btree (major_incident_id);


--
-- Name: incidents_majorincidentmember_user_id_89a2e4b3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidentmember_user_id_89a2e4b3 ON public.incidents_majorincidentmember USING btree (user_id);


--
-- Name: incidents_majorincidenttask_assignee_id_e0b53f2f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidenttask_assignee_id_e0b53f2f ON public.incidents_majorincidenttask USING btree (assignee_id);


--
-- Name: incidents_majorincidenttask_created_by_id_285340ca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidenttask_created_by_id_285340ca ON public.incidents_majorincidenttask USING btree (created_by_id);


--
-- Name: incidents_majorincidenttask_major_incident_id_2f11a15e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_majorincidenttask_major_incident_id_2f11a15e ON public.incidents_majorincidenttask USING btree (major_incident_id);


--
-- Name: incidents_majorincidenttask_open_title; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX incidents_majorincidenttask_open_title ON public.incidents_majorincidenttask USING btree (lower((title)::text), major_incident_id) WHERE ((status)::text = ANY ((ARRAY['open'::character varying, 'in_progress'::character varying])::text[]));


--
-- Name: incidents_postmortem_updated_by_id_0d4e40ec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_postmortem_updated_by_id_0d4e40ec ON public.incidents_postmortem USING btree (updated_by_id);


--
-- Name: incidents_spikealert_decided_by_id_f0cad9f2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_decided_by_id_f0cad9f2 ON public.incidents_spikealert USING btree (decided_by_id);


--
-- Name: incidents_spikealert_flagged_by_id_f0eb8944; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_flagged_by_id_f0eb8944 ON public.incidents_spikealert USING btree (flagged_by_id);


--
-- Name: incidents_spikealert_incident_id_0c849732; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_incident_id_0c849732 ON public.incidents_spikealert USING btree (incident_id);


--
-- Name: incidents_spikealert_major_incident_id_79f05adf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_major_incident_id_79f05adf ON public.incidents_spikealert USING btree (major_incident_id);


--
-- Name: incidents_spikealert_one_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX incidents_spikealert_one_open ON public.incidents_spikealert USING btree (rule_id) WHERE ((status)::text = 'open'::text);


--
-- Name: incidents_spikealert_one_open_flag; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX incidents_spikealert_one_open_flag ON public.incidents_spikealert USING btree (incident_id) WHERE ((rule_id IS NULL) AND ((status)::text = 'open'::text));


--
-- Name: incidents_spikealert_rule_id_8c8af028; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_rule_id_8c8af028 ON public.incidents_spikealert USING btree (rule_id);


--
-- Name: incidents_spikealert_service_id_07430c0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikealert_service_id_07430c0a ON public.incidents_spikealert USING btree (service_id);


--
-- Name: incidents_spikerule_notify_spikerule_id_17a1376d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikerule_notify_spikerule_id_17a1376d ON public.incidents_spikerule_notify USING btree (spikerule_id);


--
-- Name: incidents_spikerule_notify_user_id_02950806; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikerule_notify_user_id_02950806 ON public.incidents_spikerule_notify USING btree (user_id);


--
-- Name: incidents_spikerule_service_id_9197a284; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_spikerule_service_id_9197a284 ON public.incidents_spikerule USING btree (service_id);


--
-- Name: incidents_stakeholderupdate_author_id_d8ea6be0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_stakeholderupdate_author_id_d8ea6be0 ON public.incidents_stakeholderupdate USING btree (author_id);


--
-- Name: incidents_stakeholderupdate_major_incident_id_6624308b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_stakeholderupdate_major_incident_id_6624308b ON public.incidents_stakeholderupdate USING btree (major_incident_id);


--
-- Name: incidents_timelineevent_actor_id_b9bc45ac; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_timelineevent_actor_id_b9bc45ac ON public.incidents_timelineevent USING btree (actor_id);


--
-- Name: incidents_timelineevent_major_incident_id_87912233; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX incidents_timelineevent_major_incident_id_87912233 ON public.incidents_timelineevent USING btree (major_incident_id);


--
-- Name: kb_article_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_article_published ON public.knowledge_article USING btree (status, published_at);


--
-- Name: kb_article_views; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_article_views ON public.knowledge_article USING btree (views DESC);


--
-- Name: kb_article_visible; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_article_visible ON public.knowledge_article USING btree (status, audience, language);


--
-- Name: kb_feedback_article; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_feedback_article ON public.knowledge_articlefeedback USING btree (article_id, created_at);


--
-- Name: kb_feedback_deflected; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_feedback_deflected ON public.knowledge_articlefeedback USING btree (deflected, created_at);


--
-- Name: knowledge_article_author_id_fcf53799; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_author_id_fcf53799 ON public.knowledge_article USING btree (author_id);


--
-- Name: knowledge_article_created_at_d8392a08; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_created_at_d8392a08 ON public.knowledge_article USING btree (created_at);


--
-- Name: knowledge_article_draft_of_id_e4c247a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_draft_of_id_e4c247a9 ON public.knowledge_article USING btree (draft_of_id);


--
-- Name: knowledge_article_known_error_id_d4dc788c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_known_error_id_d4dc788c ON public.knowledge_article USING btree (known_error_id);


--
-- Name: knowledge_article_number_dd9b780c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_number_dd9b780c_like ON public.knowledge_article USING btree (number varchar_pattern_ops);


--
-- Name: knowledge_article_published_by_id_e8085bf0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_published_by_id_e8085bf0 ON public.knowledge_article USING btree (published_by_id);


--
-- Name: knowledge_article_reviewer_id_5883f793; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_reviewer_id_5883f793 ON public.knowledge_article USING btree (reviewer_id);


--
-- Name: knowledge_article_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_search ON public.knowledge_article USING gin (search_vector, published_at);


--
-- Name: knowledge_article_search_title; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_search_title ON public.knowledge_article USING gin (search_title, published_at);


--
-- Name: knowledge_article_services_article_id_9cc8b300; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_services_article_id_9cc8b300 ON public.knowledge_article_services USING btree (article_id);


--
-- Name: knowledge_article_services_service_id_9a65b05e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_services_service_id_9a65b05e ON public.knowledge_article_services USING btree (service_id);


--
-- Name: knowledge_article_translation_of_id_cf8911eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_article_translation_of_id_cf8911eb ON public.knowledge_article USING btree (translation_of_id);


--
-- Name: knowledge_articlefeedback_article_id_358fa8b3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articlefeedback_article_id_358fa8b3 ON public.knowledge_articlefeedback USING btree (article_id);


--
-- Name: knowledge_articlefeedback_user_id_ef26bc93; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articlefeedback_user_id_ef26bc93 ON public.knowledge_articlefeedback USING btree (user_id);


--
-- Name: knowledge_articleimage_article_id_4b581698; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articleimage_article_id_4b581698 ON public.knowledge_articleimage USING btree (article_id);


--
-- Name: knowledge_articleimage_uploaded_by_id_3e1da7e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articleimage_uploaded_by_id_3e1da7e5 ON public.knowledge_articleimage USING btree (uploaded_by_id);


--
-- Name: knowledge_articleversion_article_id_cba279b4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articleversion_article_id_cba279b4 ON public.knowledge_articleversion USING btree (article_id);


--
-- Name: knowledge_articleversion_published_by_id_95615957; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_articleversion_published_by_id_95615957 ON public.knowledge_articleversion USING btree (published_by_id);


--
-- Name: knowledge_historicalarticle_author_id_4addc756; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_author_id_4addc756 ON public.knowledge_historicalarticle USING btree (author_id);


--
-- Name: knowledge_historicalarticle_created_at_37571ee9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_created_at_37571ee9 ON public.knowledge_historicalarticle USING btree (created_at);


--
-- Name: knowledge_historicalarticle_draft_of_id_1f679139; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_draft_of_id_1f679139 ON public.knowledge_historicalarticle USING btree (draft_of_id);


--
-- Name: knowledge_historicalarticle_history_date_0a072873; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_history_date_0a072873 ON public.knowledge_historicalarticle USING btree (history_date);


--
-- Name: knowledge_historicalarticle_history_user_id_8c268fe5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_history_user_id_8c268fe5 ON public.knowledge_historicalarticle USING btree (history_user_id);


--
-- Name: knowledge_historicalarticle_id_80a9cd96; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_id_80a9cd96 ON public.knowledge_historicalarticle USING btree (id);


--
-- Name: knowledge_historicalarticle_known_error_id_d733576d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_known_error_id_d733576d ON public.knowledge_historicalarticle USING btree (known_error_id);


--
-- Name: knowledge_historicalarticle_number_add0c02c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_number_add0c02c ON public.knowledge_historicalarticle USING btree (number);


--
-- Name: knowledge_historicalarticle_number_add0c02c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_number_add0c02c_like ON public.knowledge_historicalarticle USING btree (number varchar_pattern_ops);


--
-- Name: knowledge_historicalarticle_published_by_id_7d14a630; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_published_by_id_7d14a630 ON public.knowledge_historicalarticle USING btree (published_by_id);


--
-- Name: knowledge_historicalarticle_reviewer_id_252b6c75; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_reviewer_id_252b6c75 ON public.knowledge_historicalarticle USING btree (reviewer_id);


--
-- Name: knowledge_historicalarticle_services_article_id_a2d4964b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_services_article_id_a2d4964b ON public.knowledge_historicalarticle_services USING btree (article_id);


--
-- Name: knowledge_historicalarticle_services_history_id_4ab51a0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_services_history_id_4ab51a0a ON public.knowledge_historicalarticle_services USING btree (history_id);


--
-- Name: knowledge_historicalarticle_services_id_7ee6d142; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_services_id_7ee6d142 ON public.knowledge_historicalarticle_services USING btree (id);


--
-- Name: knowledge_historicalarticle_services_service_id_ad5d4ace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_services_service_id_ad5d4ace ON public.knowledge_historicalarticle_services USING btree (service_id);


--
-- Name: knowledge_historicalarticle_translation_of_id_491ef32b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX knowledge_historicalarticle_translation_of_id_491ef32b ON public.knowledge_historicalarticle USING btree (translation_of_id);


--
-- Name: known_error_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX known_error_search ON public.problems_knownerror USING gin (search_vector);


--
-- Name: known_error_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX known_error_status ON public.problems_knownerror USING btree (status);


--
-- Name: mail_historicalmailbox_address_986a6a2f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_address_986a6a2f ON public.mail_historicalmailbox USING btree (address);


--
-- Name: mail_historicalmailbox_address_986a6a2f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_address_986a6a2f_like ON public.mail_historicalmailbox USING btree (address varchar_pattern_ops);


--
-- Name: mail_historicalmailbox_catalog_item_id_4036dbab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_catalog_item_id_4036dbab ON public.mail_historicalmailbox USING btree (catalog_item_id);


--
-- Name: mail_historicalmailbox_default_service_id_d42a2802; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_default_service_id_d42a2802 ON public.mail_historicalmailbox USING btree (default_service_id);


--
-- Name: mail_historicalmailbox_default_team_id_ee3be18a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_default_team_id_ee3be18a ON public.mail_historicalmailbox USING btree (default_team_id);


--
-- Name: mail_historicalmailbox_history_date_1e25b6fd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_history_date_1e25b6fd ON public.mail_historicalmailbox USING btree (history_date);


--
-- Name: mail_historicalmailbox_history_user_id_90b554ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_history_user_id_90b554ea ON public.mail_historicalmailbox USING btree (history_user_id);


--
-- Name: mail_historicalmailbox_id_5b7f1cc6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_historicalmailbox_id_5b7f1cc6 ON public.mail_historicalmailbox USING btree (id);


--
-- Name: mail_mailbox_address_994dad53_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailbox_address_994dad53_like ON public.mail_mailbox USING btree (address varchar_pattern_ops);


--
-- Name: mail_mailbox_catalog_item_id_b0d75ce4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailbox_catalog_item_id_b0d75ce4 ON public.mail_mailbox USING btree (catalog_item_id);


--
-- Name: mail_mailbox_default_service_id_9d486c13; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailbox_default_service_id_9d486c13 ON public.mail_mailbox USING btree (default_service_id);


--
-- Name: mail_mailbox_default_team_id_cecd5fbd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailbox_default_team_id_cecd5fbd ON public.mail_mailbox USING btree (default_team_id);


--
-- Name: mail_mailmessage_delivery_id_dfb0af17; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_delivery_id_dfb0af17 ON public.mail_mailmessage USING btree (delivery_id);


--
-- Name: mail_mailmessage_from_address_ce9cfef1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_from_address_ce9cfef1 ON public.mail_mailmessage USING btree (from_address);


--
-- Name: mail_mailmessage_from_address_ce9cfef1_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_from_address_ce9cfef1_like ON public.mail_mailmessage USING btree (from_address varchar_pattern_ops);


--
-- Name: mail_mailmessage_incident_id_7e53d5ed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_incident_id_7e53d5ed ON public.mail_mailmessage USING btree (incident_id);


--
-- Name: mail_mailmessage_incident_note_id_4318412b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_incident_note_id_4318412b ON public.mail_mailmessage USING btree (incident_note_id);


--
-- Name: mail_mailmessage_mailbox_id_b361e1b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_mailbox_id_b361e1b2 ON public.mail_mailmessage USING btree (mailbox_id);


--
-- Name: mail_mailmessage_request_comment_id_67be2eda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_request_comment_id_67be2eda ON public.mail_mailmessage USING btree (request_comment_id);


--
-- Name: mail_mailmessage_request_id_b4c8d670; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_mailmessage_request_id_b4c8d670 ON public.mail_mailmessage USING btree (request_id);


--
-- Name: mail_message_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_message_from ON public.mail_mailmessage USING btree (from_address, received_at) WHERE ((direction)::text = 'in'::text);


--
-- Name: mail_message_incident; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_message_incident ON public.mail_mailmessage USING btree (incident_id, created_at);


--
-- Name: mail_message_request; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_message_request ON public.mail_mailmessage USING btree (request_id, created_at);


--
-- Name: mail_message_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_message_status ON public.mail_mailmessage USING btree (status, created_at) WHERE ((status)::text = 'failed'::text);


--
-- Name: major_incident_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX major_incident_status ON public.incidents_majorincident USING btree (status, declared_at);


--
-- Name: major_timeline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX major_timeline ON public.incidents_timelineevent USING btree (major_incident_id, at);


--
-- Name: major_update_public; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX major_update_public ON public.incidents_stakeholderupdate USING btree (created_at) WHERE is_public;


--
-- Name: major_update_timeline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX major_update_timeline ON public.incidents_stakeholderupdate USING btree (major_incident_id, created_at);


--
-- Name: monitoring_alert_ci_id_c621950b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_ci_id_c621950b ON public.monitoring_alert USING btree (ci_id);


--
-- Name: monitoring_alert_incident_id_15d5ef39; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_incident_id_15d5ef39 ON public.monitoring_alert USING btree (incident_id);


--
-- Name: monitoring_alert_one_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX monitoring_alert_one_open ON public.monitoring_alert USING btree (source_id, fingerprint) WHERE ((status)::text = 'firing'::text);


--
-- Name: monitoring_alert_previous_id_7c1a4fdb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_previous_id_7c1a4fdb ON public.monitoring_alert USING btree (previous_id);


--
-- Name: monitoring_alert_service_id_5210d645; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_service_id_5210d645 ON public.monitoring_alert USING btree (service_id);


--
-- Name: monitoring_alert_source_id_2fd3f6eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_source_id_2fd3f6eb ON public.monitoring_alert USING btree (source_id);


--
-- Name: monitoring_alert_suppressed_by_change_id_0d606601; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alert_suppressed_by_change_id_0d606601 ON public.monitoring_alert USING btree (suppressed_by_change_id);


--
-- Name: monitoring_alertrule_ci_id_37e6f3a2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alertrule_ci_id_37e6f3a2 ON public.monitoring_alertrule USING btree (ci_id);


--
-- Name: monitoring_alertrule_service_id_0c7b1211; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alertrule_service_id_0c7b1211 ON public.monitoring_alertrule USING btree (service_id);


--
-- Name: monitoring_alertrule_source_id_91b9b2c7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alertrule_source_id_91b9b2c7 ON public.monitoring_alertrule USING btree (source_id);


--
-- Name: monitoring_alertsource_default_service_id_2bfebfb8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alertsource_default_service_id_2bfebfb8 ON public.monitoring_alertsource USING btree (default_service_id);


--
-- Name: monitoring_alertsource_name_d45e2114_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_alertsource_name_d45e2114_like ON public.monitoring_alertsource USING btree (name varchar_pattern_ops);


--
-- Name: monitoring_historicalalertrule_ci_id_c636e1f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_ci_id_c636e1f6 ON public.monitoring_historicalalertrule USING btree (ci_id);


--
-- Name: monitoring_historicalalertrule_history_date_c6549643; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_history_date_c6549643 ON public.monitoring_historicalalertrule USING btree (history_date);


--
-- Name: monitoring_historicalalertrule_history_user_id_5795d31b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_history_user_id_5795d31b ON public.monitoring_historicalalertrule USING btree (history_user_id);


--
-- Name: monitoring_historicalalertrule_id_d84eec37; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_id_d84eec37 ON public.monitoring_historicalalertrule USING btree (id);


--
-- Name: monitoring_historicalalertrule_service_id_abf56d77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_service_id_abf56d77 ON public.monitoring_historicalalertrule USING btree (service_id);


--
-- Name: monitoring_historicalalertrule_source_id_8f4aadee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertrule_source_id_8f4aadee ON public.monitoring_historicalalertrule USING btree (source_id);


--
-- Name: monitoring_historicalalertsource_default_service_id_10f801d6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_default_service_id_10f801d6 ON public.monitoring_historicalalertsource USING btree (default_service_id);


--
-- Name: monitoring_historicalalertsource_history_date_6182f43a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_history_date_6182f43a ON public.monitoring_historicalalertsource USING btree (history_date);


--
-- Name: monitoring_historicalalertsource_history_user_id_d4766cef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_history_user_id_d4766cef ON public.monitoring_historicalalertsource USING btree (history_user_id);


--
-- Name: monitoring_historicalalertsource_id_32b89fda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_id_32b89fda ON public.monitoring_historicalalertsource USING btree (id);


--
-- Name: monitoring_historicalalertsource_name_5bf76d43; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_name_5bf76d43 ON public.monitoring_historicalalertsource USING btree (name);


--
-- Name: monitoring_historicalalertsource_name_5bf76d43_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX monitoring_historicalalertsource_name_5bf76d43_like ON public.monitoring_historicalalertsource USING btree (name varchar_pattern_ops);


--
-- Name: notifications_delivery_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_due ON public.notifications_delivery USING btree (status, created_at);


--
-- Name: notifications_delivery_idempotency_key_aa6ea0d6_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_idempotency_key_aa6ea0d6_like ON public.notifications_delivery USING btree (idempotency_key varchar_pattern_ops);


--
-- Name: notifications_delivery_related_884b6825; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_related_884b6825 ON public.notifications_delivery USING btree (related);


--
-- Name: notifications_delivery_related_884b6825_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_related_884b6825_like ON public.notifications_delivery USING btree (related varchar_pattern_ops);


--
-- Name: notifications_delivery_template_faa67758; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_template_faa67758 ON public.notifications_delivery USING btree (template);


--
-- Name: notifications_delivery_template_faa67758_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_template_faa67758_like ON public.notifications_delivery USING btree (template varchar_pattern_ops);


--
-- Name: notifications_delivery_user_id_70f8752d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_delivery_user_id_70f8752d ON public.notifications_delivery USING btree (user_id);


--
-- Name: notifications_historicalme_history_user_id_fb934638; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalme_history_user_id_fb934638 ON public.notifications_historicalmessagetemplate USING btree (history_user_id);


--
-- Name: notifications_historicalmessagetemplate_history_date_a7393437; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalmessagetemplate_history_date_a7393437 ON public.notifications_historicalmessagetemplate USING btree (history_date);


--
-- Name: notifications_historicalmessagetemplate_id_8434112a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalmessagetemplate_id_8434112a ON public.notifications_historicalmessagetemplate USING btree (id);


--
-- Name: notifications_historicalmessagetemplate_key_61f6f015; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalmessagetemplate_key_61f6f015 ON public.notifications_historicalmessagetemplate USING btree (key);


--
-- Name: notifications_historicalmessagetemplate_key_61f6f015_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalmessagetemplate_key_61f6f015_like ON public.notifications_historicalmessagetemplate USING btree (key varchar_pattern_ops);


--
-- Name: notifications_historicalst_history_id_dad14034; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalst_history_id_dad14034 ON public.notifications_historicalstakeholdergroup_members USING btree (history_id);


--
-- Name: notifications_historicalst_history_user_id_45123064; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalst_history_user_id_45123064 ON public.notifications_historicalstakeholdergroup USING btree (history_user_id);


--
-- Name: notifications_historicalst_stakeholdergroup_id_665fd6d5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalst_stakeholdergroup_id_665fd6d5 ON public.notifications_historicalstakeholdergroup_members USING btree (stakeholdergroup_id);


--
-- Name: notifications_historicalst_user_id_17652ae7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalst_user_id_17652ae7 ON public.notifications_historicalstakeholdergroup_members USING btree (user_id);


--
-- Name: notifications_historicalstakeholdergroup_history_date_6dca0af1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalstakeholdergroup_history_date_6dca0af1 ON public.notifications_historicalstakeholdergroup USING btree (history_date);


--
-- Name: notifications_historicalstakeholdergroup_id_4916c1d1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalstakeholdergroup_id_4916c1d1 ON public.notifications_historicalstakeholdergroup USING btree (id);


--
-- Name: notifications_historicalstakeholdergroup_members_id_546bdad2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalstakeholdergroup_members_id_546bdad2 ON public.notifications_historicalstakeholdergroup_members USING btree (id);


--
-- Name: notifications_historicalstakeholdergroup_name_4122e4e0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalstakeholdergroup_name_4122e4e0 ON public.notifications_historicalstakeholdergroup USING btree (name);


--
-- Name: notifications_historicalstakeholdergroup_name_4122e4e0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_historicalstakeholdergroup_name_4122e4e0_like ON public.notifications_historicalstakeholdergroup USING btree (name varchar_pattern_ops);


--
-- Name: notifications_messagetemplate_key_805e6184_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_messagetemplate_key_805e6184_like ON public.notifications_messagetemplate USING btree (key varchar_pattern_ops);


--
-- Name: notifications_notification_user_id_b5e8c0ff; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_notification_user_id_b5e8c0ff ON public.notifications_notification USING btree (user_id);


--
-- Name: notifications_stakeholderg_stakeholdergroup_id_7f67152a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_stakeholderg_stakeholdergroup_id_7f67152a ON public.notifications_stakeholdergroup_services USING btree (stakeholdergroup_id);


--
-- Name: notifications_stakeholderg_stakeholdergroup_id_9dafc390; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_stakeholderg_stakeholdergroup_id_9dafc390 ON public.notifications_stakeholdergroup_members USING btree (stakeholdergroup_id);


--
-- Name: notifications_stakeholdergroup_members_user_id_72893361; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_stakeholdergroup_members_user_id_72893361 ON public.notifications_stakeholdergroup_members USING btree (user_id);


--
-- Name: notifications_stakeholdergroup_name_f0a6689e_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_stakeholdergroup_name_f0a6689e_like ON public.notifications_stakeholdergroup USING btree (name varchar_pattern_ops);


--
-- Name: notifications_stakeholdergroup_services_service_id_9f2bc905; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_stakeholdergroup_services_service_id_9f2bc905 ON public.notifications_stakeholdergroup_services USING btree (service_id);


--
-- Name: notifications_unread; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_unread ON public.notifications_notification USING btree (user_id, read_at);


--
-- Name: problem_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problem_queue ON public.problems_problem USING btree (status, priority, created_at);


--
-- Name: problem_resolved; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problem_resolved ON public.problems_problem USING btree (status, resolved_at) WHERE ((status)::text = ANY ((ARRAY['resolved'::character varying, 'closed'::character varying])::text[]));


--
-- Name: problems_historicalknownerror_cis_configurationitem_id_d8fd5f08; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_cis_configurationitem_id_d8fd5f08 ON public.problems_historicalknownerror_cis USING btree (configurationitem_id);


--
-- Name: problems_historicalknownerror_cis_history_id_78df1041; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_cis_history_id_78df1041 ON public.problems_historicalknownerror_cis USING btree (history_id);


--
-- Name: problems_historicalknownerror_cis_id_b2c865b3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_cis_id_b2c865b3 ON public.problems_historicalknownerror_cis USING btree (id);


--
-- Name: problems_historicalknownerror_cis_knownerror_id_cef53dd0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_cis_knownerror_id_cef53dd0 ON public.problems_historicalknownerror_cis USING btree (knownerror_id);


--
-- Name: problems_historicalknownerror_created_by_id_c04de9c5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_created_by_id_c04de9c5 ON public.problems_historicalknownerror USING btree (created_by_id);


--
-- Name: problems_historicalknownerror_history_date_e7dd8470; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_history_date_e7dd8470 ON public.problems_historicalknownerror USING btree (history_date);


--
-- Name: problems_historicalknownerror_history_user_id_2226689e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_history_user_id_2226689e ON public.problems_historicalknownerror USING btree (history_user_id);


--
-- Name: problems_historicalknownerror_id_8e467bb0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_id_8e467bb0 ON public.problems_historicalknownerror USING btree (id);


--
-- Name: problems_historicalknownerror_number_b02ba93f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_number_b02ba93f ON public.problems_historicalknownerror USING btree (number);


--
-- Name: problems_historicalknownerror_number_b02ba93f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_number_b02ba93f_like ON public.problems_historicalknownerror USING btree (number varchar_pattern_ops);


--
-- Name: problems_historicalknownerror_problem_id_b34bcfd6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_problem_id_b34bcfd6 ON public.problems_historicalknownerror USING btree (problem_id);


--
-- Name: problems_historicalknownerror_services_history_id_a0773e12; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_services_history_id_a0773e12 ON public.problems_historicalknownerror_services USING btree (history_id);


--
-- Name: problems_historicalknownerror_services_id_a7ac7ae7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_services_id_a7ac7ae7 ON public.problems_historicalknownerror_services USING btree (id);


--
-- Name: problems_historicalknownerror_services_knownerror_id_c3eb0f43; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_services_knownerror_id_c3eb0f43 ON public.problems_historicalknownerror_services USING btree (knownerror_id);


--
-- Name: problems_historicalknownerror_services_service_id_4f992c8b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalknownerror_services_service_id_4f992c8b ON public.problems_historicalknownerror_services USING btree (service_id);


--
-- Name: problems_historicalproblem_cis_configurationitem_id_520e1161; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_cis_configurationitem_id_520e1161 ON public.problems_historicalproblem_cis USING btree (configurationitem_id);


--
-- Name: problems_historicalproblem_cis_history_id_07b4fffc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_cis_history_id_07b4fffc ON public.problems_historicalproblem_cis USING btree (history_id);


--
-- Name: problems_historicalproblem_cis_id_8fd29142; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_cis_id_8fd29142 ON public.problems_historicalproblem_cis USING btree (id);


--
-- Name: problems_historicalproblem_cis_problem_id_448cb243; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_cis_problem_id_448cb243 ON public.problems_historicalproblem_cis USING btree (problem_id);


--
-- Name: problems_historicalproblem_created_at_f905fcea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_created_at_f905fcea ON public.problems_historicalproblem USING btree (created_at);


--
-- Name: problems_historicalproblem_created_by_id_66386db5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_created_by_id_66386db5 ON public.problems_historicalproblem USING btree (created_by_id);


--
-- Name: problems_historicalproblem_history_date_820a0bf4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_history_date_820a0bf4 ON public.problems_historicalproblem USING btree (history_date);


--
-- Name: problems_historicalproblem_history_user_id_b3ac3592; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_history_user_id_b3ac3592 ON public.problems_historicalproblem USING btree (history_user_id);


--
-- Name: problems_historicalproblem_id_38006070; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_id_38006070 ON public.problems_historicalproblem USING btree (id);


--
-- Name: problems_historicalproblem_incidents_history_id_7bc4a6c2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_incidents_history_id_7bc4a6c2 ON public.problems_historicalproblem_incidents USING btree (history_id);


--
-- Name: problems_historicalproblem_incidents_id_b8a14ccc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_incidents_id_b8a14ccc ON public.problems_historicalproblem_incidents USING btree (id);


--
-- Name: problems_historicalproblem_incidents_incident_id_dcdb1555; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_incidents_incident_id_dcdb1555 ON public.problems_historicalproblem_incidents USING btree (incident_id);


--
-- Name: problems_historicalproblem_incidents_problem_id_3c70485f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_incidents_problem_id_3c70485f ON public.problems_historicalproblem_incidents USING btree (problem_id);


--
-- Name: problems_historicalproblem_major_incident_id_248f6ebe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_major_incident_id_248f6ebe ON public.problems_historicalproblem USING btree (major_incident_id);


--
-- Name: problems_historicalproblem_number_94eb2f5e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_number_94eb2f5e ON public.problems_historicalproblem USING btree (number);


--
-- Name: problems_historicalproblem_number_94eb2f5e_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_number_94eb2f5e_like ON public.problems_historicalproblem USING btree (number varchar_pattern_ops);


--
-- Name: problems_historicalproblem_owner_id_7365b97a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_owner_id_7365b97a ON public.problems_historicalproblem USING btree (owner_id);


--
-- Name: problems_historicalproblem_services_history_id_3e5be1ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_services_history_id_3e5be1ab ON public.problems_historicalproblem_services USING btree (history_id);


--
-- Name: problems_historicalproblem_services_id_f19db96e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_services_id_f19db96e ON public.problems_historicalproblem_services USING btree (id);


--
-- Name: problems_historicalproblem_services_problem_id_6e3b0f98; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_services_problem_id_6e3b0f98 ON public.problems_historicalproblem_services USING btree (problem_id);


--
-- Name: problems_historicalproblem_services_service_id_89055a18; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_services_service_id_89055a18 ON public.problems_historicalproblem_services USING btree (service_id);


--
-- Name: problems_historicalproblem_team_id_735cf6cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblem_team_id_735cf6cb ON public.problems_historicalproblem USING btree (team_id);


--
-- Name: problems_historicalproblemcandidate_ci_id_fe83647b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_ci_id_fe83647b ON public.problems_historicalproblemcandidate USING btree (ci_id);


--
-- Name: problems_historicalproblemcandidate_decided_by_id_dbb890c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_decided_by_id_dbb890c8 ON public.problems_historicalproblemcandidate USING btree (decided_by_id);


--
-- Name: problems_historicalproblemcandidate_history_date_9fc46131; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_history_date_9fc46131 ON public.problems_historicalproblemcandidate USING btree (history_date);


--
-- Name: problems_historicalproblemcandidate_history_user_id_b0847f72; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_history_user_id_b0847f72 ON public.problems_historicalproblemcandidate USING btree (history_user_id);


--
-- Name: problems_historicalproblemcandidate_id_3e5082ba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_id_3e5082ba ON public.problems_historicalproblemcandidate USING btree (id);


--
-- Name: problems_historicalproblemcandidate_problem_id_fef2c7c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_problem_id_fef2c7c6 ON public.problems_historicalproblemcandidate USING btree (problem_id);


--
-- Name: problems_historicalproblemcandidate_service_id_94f4ee5a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_historicalproblemcandidate_service_id_94f4ee5a ON public.problems_historicalproblemcandidate USING btree (service_id);


--
-- Name: problems_knownerror_cis_configurationitem_id_a6078b1c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_cis_configurationitem_id_a6078b1c ON public.problems_knownerror_cis USING btree (configurationitem_id);


--
-- Name: problems_knownerror_cis_knownerror_id_b4daba82; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_cis_knownerror_id_b4daba82 ON public.problems_knownerror_cis USING btree (knownerror_id);


--
-- Name: problems_knownerror_created_by_id_bdd7ab8b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_created_by_id_bdd7ab8b ON public.problems_knownerror USING btree (created_by_id);


--
-- Name: problems_knownerror_number_78e07849_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_number_78e07849_like ON public.problems_knownerror USING btree (number varchar_pattern_ops);


--
-- Name: problems_knownerror_services_knownerror_id_ff04f4f1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_services_knownerror_id_ff04f4f1 ON public.problems_knownerror_services USING btree (knownerror_id);


--
-- Name: problems_knownerror_services_service_id_f5a7a96c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_knownerror_services_service_id_f5a7a96c ON public.problems_knownerror_services USING btree (service_id);


--
-- Name: problems_problem_cis_configurationitem_id_9f857ec5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_cis_configurationitem_id_9f857ec5 ON public.problems_problem_cis USING btree (configurationitem_id);


--
-- Name: problems_problem_cis_problem_id_72cb02e0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_cis_problem_id_72cb02e0 ON public.problems_problem_cis USING btree (problem_id);


--
-- Name: problems_problem_created_at_589e9181; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_created_at_589e9181 ON public.problems_problem USING btree (created_at);


--
-- Name: problems_problem_created_by_id_368c6a80; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_created_by_id_368c6a80 ON public.problems_problem USING btree (created_by_id);


--
-- Name: problems_problem_incidents_incident_id_e2f86e0f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_incidents_incident_id_e2f86e0f ON public.problems_problem_incidents USING btree (incident_id);


--
-- Name: problems_problem_incidents_problem_id_2d33fac5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_incidents_problem_id_2d33fac5 ON public.problems_problem_incidents USING btree (problem_id);


--
-- Name: problems_problem_major_incident_id_3d826cc3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_major_incident_id_3d826cc3 ON public.problems_problem USING btree (major_incident_id);


--
-- Name: problems_problem_number_4a59637b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_number_4a59637b_like ON public.problems_problem USING btree (number varchar_pattern_ops);


--
-- Name: problems_problem_owner_id_bbbc9a2e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_owner_id_bbbc9a2e ON public.problems_problem USING btree (owner_id);


--
-- Name: problems_problem_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_search ON public.problems_problem USING gin (search_vector);


--
-- Name: problems_problem_services_problem_id_a0704ca7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_services_problem_id_a0704ca7 ON public.problems_problem_services USING btree (problem_id);


--
-- Name: problems_problem_services_service_id_9d8a376f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_services_service_id_9d8a376f ON public.problems_problem_services USING btree (service_id);


--
-- Name: problems_problem_team_id_017d8f89; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problem_team_id_017d8f89 ON public.problems_problem USING btree (team_id);


--
-- Name: problems_problemcandidate__problemcandidate_id_136fb0ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate__problemcandidate_id_136fb0ea ON public.problems_problemcandidate_incidents USING btree (problemcandidate_id);


--
-- Name: problems_problemcandidate_ci_id_854ee443; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate_ci_id_854ee443 ON public.problems_problemcandidate USING btree (ci_id);


--
-- Name: problems_problemcandidate_decided_by_id_a729b4cf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate_decided_by_id_a729b4cf ON public.problems_problemcandidate USING btree (decided_by_id);


--
-- Name: problems_problemcandidate_incidents_incident_id_34145a25; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate_incidents_incident_id_34145a25 ON public.problems_problemcandidate_incidents USING btree (incident_id);


--
-- Name: problems_problemcandidate_one_proposal; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX problems_problemcandidate_one_proposal ON public.problems_problemcandidate USING btree (signature) WHERE ((status)::text = 'proposed'::text);


--
-- Name: problems_problemcandidate_problem_id_df5298ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate_problem_id_df5298ee ON public.problems_problemcandidate USING btree (problem_id);


--
-- Name: problems_problemcandidate_service_id_9f9911f9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_problemcandidate_service_id_9f9911f9 ON public.problems_problemcandidate USING btree (service_id);


--
-- Name: problems_workaroundapplication_applied_by_id_a95c2031; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_workaroundapplication_applied_by_id_a95c2031 ON public.problems_workaroundapplication USING btree (applied_by_id);


--
-- Name: problems_workaroundapplication_incident_id_0d46d182; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_workaroundapplication_incident_id_0d46d182 ON public.problems_workaroundapplication USING btree (incident_id);


--
-- Name: problems_workaroundapplication_known_error_id_eb2c2a04; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX problems_workaroundapplication_known_error_id_eb2c2a04 ON public.problems_workaroundapplication USING btree (known_error_id);


--
-- Name: request_by; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_by ON public.requests_servicerequest USING btree (requested_by_id, status);


--
-- Name: request_by_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_by_created ON public.requests_servicerequest USING btree (requested_by_id, created_at);


--
-- Name: request_for; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_for ON public.requests_servicerequest USING btree (requested_for_id, status);


--
-- Name: request_for_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_for_created ON public.requests_servicerequest USING btree (requested_for_id, created_at);


--
-- Name: request_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_queue ON public.requests_servicerequest USING btree (status, created_at);


--
-- Name: request_task_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_task_queue ON public.requests_fulfilmenttask USING btree (team_id, status) WHERE ((status)::text = 'open'::text);


--
-- Name: requests_approval_approver_id_878178c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_approval_approver_id_878178c4 ON public.requests_approval USING btree (approver_id);


--
-- Name: requests_approval_request_id_4db25822; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_approval_request_id_4db25822 ON public.requests_approval USING btree (request_id);


--
-- Name: requests_catalogitem_category_f44920e6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_category_f44920e6 ON public.requests_catalogitem USING btree (category);


--
-- Name: requests_catalogitem_category_f44920e6_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_category_f44920e6_like ON public.requests_catalogitem USING btree (category varchar_pattern_ops);


--
-- Name: requests_catalogitem_change_model_id_dd0f6a43; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_change_model_id_dd0f6a43 ON public.requests_catalogitem USING btree (change_model_id);


--
-- Name: requests_catalogitem_name_cbbb502d_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_name_cbbb502d_like ON public.requests_catalogitem USING btree (name varchar_pattern_ops);


--
-- Name: requests_catalogitem_sla_policy_id_a8eeb6eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_sla_policy_id_a8eeb6eb ON public.requests_catalogitem USING btree (sla_policy_id);


--
-- Name: requests_catalogitem_teams_catalogitem_id_df380bef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_teams_catalogitem_id_df380bef ON public.requests_catalogitem_teams USING btree (catalogitem_id);


--
-- Name: requests_catalogitem_teams_team_id_00054520; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_catalogitem_teams_team_id_00054520 ON public.requests_catalogitem_teams USING btree (team_id);


--
-- Name: requests_fulfilmenttask_assignee_id_ee0a01f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_fulfilmenttask_assignee_id_ee0a01f0 ON public.requests_fulfilmenttask USING btree (assignee_id);


--
-- Name: requests_fulfilmenttask_request_id_4a8817bc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_fulfilmenttask_request_id_4a8817bc ON public.requests_fulfilmenttask USING btree (request_id);


--
-- Name: requests_fulfilmenttask_team_id_dbb5ae4f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_fulfilmenttask_team_id_dbb5ae4f ON public.requests_fulfilmenttask USING btree (team_id);


--
-- Name: requests_historicalapproval_approver_id_5b9e8104; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalapproval_approver_id_5b9e8104 ON public.requests_historicalapproval USING btree (approver_id);


--
-- Name: requests_historicalapproval_history_date_6b49c2d1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalapproval_history_date_6b49c2d1 ON public.requests_historicalapproval USING btree (history_date);


--
-- Name: requests_historicalapproval_history_user_id_c52ff64e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalapproval_history_user_id_c52ff64e ON public.requests_historicalapproval USING btree (history_user_id);


--
-- Name: requests_historicalapproval_id_2d89868a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalapproval_id_2d89868a ON public.requests_historicalapproval USING btree (id);


--
-- Name: requests_historicalapproval_request_id_3ea02bd3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalapproval_request_id_3ea02bd3 ON public.requests_historicalapproval USING btree (request_id);


--
-- Name: requests_historicalcatalogitem_category_03815aec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_category_03815aec ON public.requests_historicalcatalogitem USING btree (category);


--
-- Name: requests_historicalcatalogitem_category_03815aec_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_category_03815aec_like ON public.requests_historicalcatalogitem USING btree (category varchar_pattern_ops);


--
-- Name: requests_historicalcatalogitem_change_model_id_cb6038bb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_change_model_id_cb6038bb ON public.requests_historicalcatalogitem USING btree (change_model_id);


--
-- Name: requests_historicalcatalogitem_history_date_5a816fcb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_history_date_5a816fcb ON public.requests_historicalcatalogitem USING btree (history_date);


--
-- Name: requests_historicalcatalogitem_history_user_id_fb36cb77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_history_user_id_fb36cb77 ON public.requests_historicalcatalogitem USING btree (history_user_id);


--
-- Name: requests_historicalcatalogitem_id_1320776e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_id_1320776e ON public.requests_historicalcatalogitem USING btree (id);


--
-- Name: requests_historicalcatalogitem_name_18405a21; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_name_18405a21 ON public.requests_historicalcatalogitem USING btree (name);


--
-- Name: requests_historicalcatalogitem_name_18405a21_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_name_18405a21_like ON public.requests_historicalcatalogitem USING btree (name varchar_pattern_ops);


--
-- Name: requests_historicalcatalogitem_sla_policy_id_f6edf0e8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_sla_policy_id_f6edf0e8 ON public.requests_historicalcatalogitem USING btree (sla_policy_id);


--
-- Name: requests_historicalcatalogitem_teams_catalogitem_id_1b913f1d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_teams_catalogitem_id_1b913f1d ON public.requests_historicalcatalogitem_teams USING btree (catalogitem_id);


--
-- Name: requests_historicalcatalogitem_teams_history_id_1ee7de7e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_teams_history_id_1ee7de7e ON public.requests_historicalcatalogitem_teams USING btree (history_id);


--
-- Name: requests_historicalcatalogitem_teams_id_0e8e6e0c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_teams_id_0e8e6e0c ON public.requests_historicalcatalogitem_teams USING btree (id);


--
-- Name: requests_historicalcatalogitem_teams_team_id_2c0bb5b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalcatalogitem_teams_team_id_2c0bb5b2 ON public.requests_historicalcatalogitem_teams USING btree (team_id);


--
-- Name: requests_historicalfulfilmenttask_assignee_id_62946f54; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_assignee_id_62946f54 ON public.requests_historicalfulfilmenttask USING btree (assignee_id);


--
-- Name: requests_historicalfulfilmenttask_history_date_c7c9386a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_history_date_c7c9386a ON public.requests_historicalfulfilmenttask USING btree (history_date);


--
-- Name: requests_historicalfulfilmenttask_history_user_id_b1d7308d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_history_user_id_b1d7308d ON public.requests_historicalfulfilmenttask USING btree (history_user_id);


--
-- Name: requests_historicalfulfilmenttask_id_77291734; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_id_77291734 ON public.requests_historicalfulfilmenttask USING btree (id);


--
-- Name: requests_historicalfulfilmenttask_request_id_4af89ace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_request_id_4af89ace ON public.requests_historicalfulfilmenttask USING btree (request_id);


--
-- Name: requests_historicalfulfilmenttask_team_id_02c16cdb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalfulfilmenttask_team_id_02c16cdb ON public.requests_historicalfulfilmenttask USING btree (team_id);


--
-- Name: requests_historicalservicerequest_catalog_item_id_820a6d89; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_catalog_item_id_820a6d89 ON public.requests_historicalservicerequest USING btree (catalog_item_id);


--
-- Name: requests_historicalservicerequest_change_id_4e6d1a83; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_change_id_4e6d1a83 ON public.requests_historicalservicerequest USING btree (change_id);


--
-- Name: requests_historicalservicerequest_created_at_b462fd93; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_created_at_b462fd93 ON public.requests_historicalservicerequest USING btree (created_at);


--
-- Name: requests_historicalservicerequest_history_date_68e14f20; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_history_date_68e14f20 ON public.requests_historicalservicerequest USING btree (history_date);


--
-- Name: requests_historicalservicerequest_history_user_id_8a15dc4d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_history_user_id_8a15dc4d ON public.requests_historicalservicerequest USING btree (history_user_id);


--
-- Name: requests_historicalservicerequest_id_59c7b1ff; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_id_59c7b1ff ON public.requests_historicalservicerequest USING btree (id);


--
-- Name: requests_historicalservicerequest_number_7e394caf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_number_7e394caf ON public.requests_historicalservicerequest USING btree (number);


--
-- Name: requests_historicalservicerequest_number_7e394caf_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_number_7e394caf_like ON public.requests_historicalservicerequest USING btree (number varchar_pattern_ops);


--
-- Name: requests_historicalservicerequest_requested_by_id_69046b46; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_requested_by_id_69046b46 ON public.requests_historicalservicerequest USING btree (requested_by_id);


--
-- Name: requests_historicalservicerequest_requested_for_id_a7f3c155; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_historicalservicerequest_requested_for_id_a7f3c155 ON public.requests_historicalservicerequest USING btree (requested_for_id);


--
-- Name: requests_requestcomment_author_id_8b24db3a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_requestcomment_author_id_8b24db3a ON public.requests_requestcomment USING btree (author_id);


--
-- Name: requests_requestcomment_request_id_9b0492f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_requestcomment_request_id_9b0492f7 ON public.requests_requestcomment USING btree (request_id);


--
-- Name: requests_servicerequest_catalog_item_id_07a0758b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_catalog_item_id_07a0758b ON public.requests_servicerequest USING btree (catalog_item_id);


--
-- Name: requests_servicerequest_change_id_a42b56e8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_change_id_a42b56e8 ON public.requests_servicerequest USING btree (change_id);


--
-- Name: requests_servicerequest_created_at_a067713d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_created_at_a067713d ON public.requests_servicerequest USING btree (created_at);


--
-- Name: requests_servicerequest_number_662cb1c4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_number_662cb1c4_like ON public.requests_servicerequest USING btree (number varchar_pattern_ops);


--
-- Name: requests_servicerequest_requested_by_id_d5fe046a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_requested_by_id_d5fe046a ON public.requests_servicerequest USING btree (requested_by_id);


--
-- Name: requests_servicerequest_requested_for_id_7d60d4b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_requested_for_id_7d60d4b0 ON public.requests_servicerequest USING btree (requested_for_id);


--
-- Name: requests_servicerequest_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX requests_servicerequest_search ON public.requests_servicerequest USING gin (search_vector);


--
-- Name: sla_businesscalendar_name_86882569_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_businesscalendar_name_86882569_like ON public.sla_businesscalendar USING btree (name varchar_pattern_ops);


--
-- Name: sla_escalation_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_escalation_pending ON public.sla_slaescalation USING btree (fire_at) WHERE ((fire_at IS NOT NULL) AND (fired_at IS NULL));


--
-- Name: sla_escalation_unnotified; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_escalation_unnotified ON public.sla_slaescalation USING btree (fired_at) WHERE ((fired_at IS NOT NULL) AND (notified_at IS NULL));


--
-- Name: sla_escalationrule_group_id_231d4350; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_escalationrule_group_id_231d4350 ON public.sla_escalationrule USING btree (group_id);


--
-- Name: sla_escalationrule_policy_id_570b72b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_escalationrule_policy_id_570b72b2 ON public.sla_escalationrule USING btree (policy_id);


--
-- Name: sla_historicalbusinesscalendar_history_date_6747369a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalbusinesscalendar_history_date_6747369a ON public.sla_historicalbusinesscalendar USING btree (history_date);


--
-- Name: sla_historicalbusinesscalendar_history_user_id_4b38747c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalbusinesscalendar_history_user_id_4b38747c ON public.sla_historicalbusinesscalendar USING btree (history_user_id);


--
-- Name: sla_historicalbusinesscalendar_id_950cd0c3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalbusinesscalendar_id_950cd0c3 ON public.sla_historicalbusinesscalendar USING btree (id);


--
-- Name: sla_historicalbusinesscalendar_name_608c03d2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalbusinesscalendar_name_608c03d2 ON public.sla_historicalbusinesscalendar USING btree (name);


--
-- Name: sla_historicalbusinesscalendar_name_608c03d2_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalbusinesscalendar_name_608c03d2_like ON public.sla_historicalbusinesscalendar USING btree (name varchar_pattern_ops);


--
-- Name: sla_historicalescalationrule_group_id_14934d62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalescalationrule_group_id_14934d62 ON public.sla_historicalescalationrule USING btree (group_id);


--
-- Name: sla_historicalescalationrule_history_date_b2bcc30b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalescalationrule_history_date_b2bcc30b ON public.sla_historicalescalationrule USING btree (history_date);


--
-- Name: sla_historicalescalationrule_history_user_id_c5c000f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalescalationrule_history_user_id_c5c000f0 ON public.sla_historicalescalationrule USING btree (history_user_id);


--
-- Name: sla_historicalescalationrule_id_9e37bb5e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalescalationrule_id_9e37bb5e ON public.sla_historicalescalationrule USING btree (id);


--
-- Name: sla_historicalescalationrule_policy_id_c679cf54; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalescalationrule_policy_id_c679cf54 ON public.sla_historicalescalationrule USING btree (policy_id);


--
-- Name: sla_historicalholiday_calendar_id_bf207405; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalholiday_calendar_id_bf207405 ON public.sla_historicalholiday USING btree (calendar_id);


--
-- Name: sla_historicalholiday_history_date_843f6873; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalholiday_history_date_843f6873 ON public.sla_historicalholiday USING btree (history_date);


--
-- Name: sla_historicalholiday_history_user_id_40a7ceed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalholiday_history_user_id_40a7ceed ON public.sla_historicalholiday USING btree (history_user_id);


--
-- Name: sla_historicalholiday_id_9e5980e6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalholiday_id_9e5980e6 ON public.sla_historicalholiday USING btree (id);


--
-- Name: sla_historicalserviceoutage_history_date_cb0d584c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalserviceoutage_history_date_cb0d584c ON public.sla_historicalserviceoutage USING btree (history_date);


--
-- Name: sla_historicalserviceoutage_history_user_id_d50c9e22; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalserviceoutage_history_user_id_d50c9e22 ON public.sla_historicalserviceoutage USING btree (history_user_id);


--
-- Name: sla_historicalserviceoutage_id_46f82863; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalserviceoutage_id_46f82863 ON public.sla_historicalserviceoutage USING btree (id);


--
-- Name: sla_historicalserviceoutage_service_id_44ddce4d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalserviceoutage_service_id_44ddce4d ON public.sla_historicalserviceoutage USING btree (service_id);


--
-- Name: sla_historicalslapolicy_calendar_id_0dbd7110; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_calendar_id_0dbd7110 ON public.sla_historicalslapolicy USING btree (calendar_id);


--
-- Name: sla_historicalslapolicy_history_date_d2089560; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_history_date_d2089560 ON public.sla_historicalslapolicy USING btree (history_date);


--
-- Name: sla_historicalslapolicy_history_user_id_de6f71f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_history_user_id_de6f71f6 ON public.sla_historicalslapolicy USING btree (history_user_id);


--
-- Name: sla_historicalslapolicy_id_cd14e9bd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_id_cd14e9bd ON public.sla_historicalslapolicy USING btree (id);


--
-- Name: sla_historicalslapolicy_name_292fe094; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_name_292fe094 ON public.sla_historicalslapolicy USING btree (name);


--
-- Name: sla_historicalslapolicy_name_292fe094_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_name_292fe094_like ON public.sla_historicalslapolicy USING btree (name varchar_pattern_ops);


--
-- Name: sla_historicalslapolicy_service_id_60db41a6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalslapolicy_service_id_60db41a6 ON public.sla_historicalslapolicy USING btree (service_id);


--
-- Name: sla_historicalworkinghours_calendar_id_e90c77d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalworkinghours_calendar_id_e90c77d4 ON public.sla_historicalworkinghours USING btree (calendar_id);


--
-- Name: sla_historicalworkinghours_history_date_8908e42d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalworkinghours_history_date_8908e42d ON public.sla_historicalworkinghours USING btree (history_date);


--
-- Name: sla_historicalworkinghours_history_user_id_11841542; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalworkinghours_history_user_id_11841542 ON public.sla_historicalworkinghours USING btree (history_user_id);


--
-- Name: sla_historicalworkinghours_id_51749266; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_historicalworkinghours_id_51749266 ON public.sla_historicalworkinghours USING btree (id);


--
-- Name: sla_holiday_calendar_id_0ed75c65; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_holiday_calendar_id_0ed75c65 ON public.sla_holiday USING btree (calendar_id);


--
-- Name: sla_serviceoutage_service_id_82d2d82d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_serviceoutage_service_id_82d2d82d ON public.sla_serviceoutage USING btree (service_id);


--
-- Name: sla_slaescalation_group_id_587eb6bd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slaescalation_group_id_587eb6bd ON public.sla_slaescalation USING btree (group_id);


--
-- Name: sla_slaescalation_rule_id_6d187b17; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slaescalation_rule_id_6d187b17 ON public.sla_slaescalation USING btree (rule_id);


--
-- Name: sla_slaescalation_timer_id_15a7e990; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slaescalation_timer_id_15a7e990 ON public.sla_slaescalation USING btree (timer_id);


--
-- Name: sla_slaevent_actor_id_78d1c4a0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slaevent_actor_id_78d1c4a0 ON public.sla_slaevent USING btree (actor_id);


--
-- Name: sla_slaevent_timer_id_c17240eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slaevent_timer_id_c17240eb ON public.sla_slaevent USING btree (timer_id);


--
-- Name: sla_slapolicy_calendar_id_ee5d4bef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slapolicy_calendar_id_ee5d4bef ON public.sla_slapolicy USING btree (calendar_id);


--
-- Name: sla_slapolicy_name_fa88fe92_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slapolicy_name_fa88fe92_like ON public.sla_slapolicy USING btree (name varchar_pattern_ops);


--
-- Name: sla_slapolicy_service_id_140d990c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slapolicy_service_id_140d990c ON public.sla_slapolicy USING btree (service_id);


--
-- Name: sla_slatimer_calendar_id_b99156b6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slatimer_calendar_id_b99156b6 ON public.sla_slatimer USING btree (calendar_id);


--
-- Name: sla_slatimer_policy_id_3bdc2561; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slatimer_policy_id_3bdc2561 ON public.sla_slatimer USING btree (policy_id);


--
-- Name: sla_slatimer_service_id_96ac405e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slatimer_service_id_96ac405e ON public.sla_slatimer USING btree (service_id);


--
-- Name: sla_slatimer_team_id_74d297a3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_slatimer_team_id_74d297a3 ON public.sla_slatimer USING btree (team_id);


--
-- Name: sla_ticketapp_demoticket_assignee_id_2d830aec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_ticketapp_demoticket_assignee_id_2d830aec ON public.sla_ticketapp_demoticket USING btree (assignee_id);


--
-- Name: sla_ticketapp_demoticket_service_id_975794c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_ticketapp_demoticket_service_id_975794c8 ON public.sla_ticketapp_demoticket USING btree (service_id);


--
-- Name: sla_ticketapp_demoticket_team_id_1c20082d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_ticketapp_demoticket_team_id_1c20082d ON public.sla_ticketapp_demoticket USING btree (team_id);


--
-- Name: sla_timer_outcome; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_timer_outcome ON public.sla_slatimer USING btree (status, breached_at);


--
-- Name: sla_timer_running_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_timer_running_due ON public.sla_slatimer USING btree (due_at) WHERE ((status)::text = 'running'::text);


--
-- Name: sla_workinghours_calendar_id_3f17e534; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sla_workinghours_calendar_id_3f17e534 ON public.sla_workinghours USING btree (calendar_id);


--
-- Name: status_maintenance_window; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX status_maintenance_window ON public.statuspage_scheduledmaintenance USING btree (ends_at, starts_at);


--
-- Name: status_subscriber_confirmed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX status_subscriber_confirmed ON public.statuspage_subscriber USING btree (confirmed_at);


--
-- Name: statuspage_historicalsched_history_user_id_84ae2f8c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_historicalsched_history_user_id_84ae2f8c ON public.statuspage_historicalscheduledmaintenance USING btree (history_user_id);


--
-- Name: statuspage_historicalscheduledmaintenance_history_date_7b3a9bc1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_historicalscheduledmaintenance_history_date_7b3a9bc1 ON public.statuspage_historicalscheduledmaintenance USING btree (history_date);


--
-- Name: statuspage_historicalscheduledmaintenance_id_44599d60; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_historicalscheduledmaintenance_id_44599d60 ON public.statuspage_historicalscheduledmaintenance USING btree (id);


--
-- Name: statuspage_historicalscheduledmaintenance_source_a77b2c4b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_historicalscheduledmaintenance_source_a77b2c4b ON public.statuspage_historicalscheduledmaintenance USING btree (source);


--
-- Name: statuspage_historicalscheduledmaintenance_source_a77b2c4b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_historicalscheduledmaintenance_source_a77b2c4b_like ON public.statuspage_historicalscheduledmaintenance USING btree (source varchar_pattern_ops);


--
-- Name: statuspage_maintenancenotice_maintenance_id_c4e1d9da; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_maintenancenotice_maintenance_id_c4e1d9da ON public.statuspage_maintenancenotice USING btree (maintenance_id);


--
-- Name: statuspage_maintenancenotice_subscriber_id_3a2d6886; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_maintenancenotice_subscriber_id_3a2d6886 ON public.statuspage_maintenancenotice USING btree (subscriber_id);


--
-- Name: statuspage_scheduledmainte_scheduledmaintenance_id_1a3b8db2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_scheduledmainte_scheduledmaintenance_id_1a3b8db2 ON public.statuspage_scheduledmaintenance_services USING btree (scheduledmaintenance_id);


--
-- Name: statuspage_scheduledmaintenance_services_service_id_1a3b5386; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_scheduledmaintenance_services_service_id_1a3b5386 ON public.statuspage_scheduledmaintenance_services USING btree (service_id);


--
-- Name: statuspage_scheduledmaintenance_source_dfe59c63; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_scheduledmaintenance_source_dfe59c63 ON public.statuspage_scheduledmaintenance USING btree (source);


--
-- Name: statuspage_scheduledmaintenance_source_dfe59c63_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_scheduledmaintenance_source_dfe59c63_like ON public.statuspage_scheduledmaintenance USING btree (source varchar_pattern_ops);


--
-- Name: statuspage_subscriber_confirm_token_e5215ff8_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscriber_confirm_token_e5215ff8_like ON public.statuspage_subscriber USING btree (confirm_token varchar_pattern_ops);


--
-- Name: statuspage_subscriber_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX statuspage_subscriber_email ON public.statuspage_subscriber USING btree (lower((email)::text));


--
-- Name: statuspage_subscriber_services_service_id_19593b81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscriber_services_service_id_19593b81 ON public.statuspage_subscriber_services USING btree (service_id);


--
-- Name: statuspage_subscriber_services_subscriber_id_d5db58ec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscriber_services_subscriber_id_d5db58ec ON public.statuspage_subscriber_services USING btree (subscriber_id);


--
-- Name: statuspage_subscriber_unsubscribe_token_8e2405cc_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscriber_unsubscribe_token_8e2405cc_like ON public.statuspage_subscriber USING btree (unsubscribe_token varchar_pattern_ops);


--
-- Name: statuspage_subscribernotice_subscriber_id_9e28ec9e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscribernotice_subscriber_id_9e28ec9e ON public.statuspage_subscribernotice USING btree (subscriber_id);


--
-- Name: statuspage_subscribernotice_update_id_5b861c1c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX statuspage_subscribernotice_update_id_5b861c1c ON public.statuspage_subscribernotice USING btree (update_id);


--
-- Name: supervision_call; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX supervision_call ON public.contactcenter_supervisionaction USING btree (call_id, at);


--
-- Name: temporary_agent_major; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX temporary_agent_major ON public.contactcenter_temporaryagent USING btree (major_incident_id, joined_at);


--
-- Name: temporary_agent_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX temporary_agent_open ON public.contactcenter_temporaryagent USING btree (user_id) WHERE (left_at IS NULL);


--
-- Name: catalog_contact catalog_contact_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER catalog_contact_search_vector BEFORE INSERT OR UPDATE OF name, email, search_vector ON public.catalog_contact FOR EACH ROW EXECUTE FUNCTION public.catalog_contact_search_vector();


--
-- Name: catalog_customer catalog_customer_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER catalog_customer_search_vector BEFORE INSERT OR UPDATE OF name, notes, search_vector ON public.catalog_customer FOR EACH ROW EXECUTE FUNCTION public.catalog_customer_search_vector();


--
-- Name: changes_change changes_change_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER changes_change_search_vector BEFORE INSERT OR UPDATE OF title, description, search_vector ON public.changes_change FOR EACH ROW EXECUTE FUNCTION public.changes_change_search_vector();


--
-- Name: crm_complaint crm_complaint_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER crm_complaint_search_vector BEFORE INSERT OR UPDATE OF subject, description, search_vector ON public.crm_complaint FOR EACH ROW EXECUTE FUNCTION public.crm_complaint_search_vector();


--
-- Name: incidents_incident incidents_incident_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incidents_incident_search_vector BEFORE INSERT OR UPDATE OF title, description, search_vector ON public.incidents_incident FOR EACH ROW EXECUTE FUNCTION public.incidents_incident_search_vector();


--
-- Name: incidents_majorincident incidents_majorincident_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incidents_majorincident_search_vector BEFORE INSERT OR UPDATE OF summary, resolution, search_vector ON public.incidents_majorincident FOR EACH ROW EXECUTE FUNCTION public.incidents_majorincident_search_vector();


--
-- Name: incidents_postmortem incidents_postmortem_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incidents_postmortem_search_vector AFTER INSERT OR DELETE OR UPDATE OF summary, root_cause, contributing_factors, actions, major_incident_id ON public.incidents_postmortem FOR EACH ROW EXECUTE FUNCTION public.incidents_postmortem_search_vector();


--
-- Name: knowledge_article knowledge_article_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER knowledge_article_search_vector BEFORE INSERT OR UPDATE ON public.knowledge_article FOR EACH ROW EXECUTE FUNCTION public.knowledge_article_search_vector();


--
-- Name: problems_problem problems_problem_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER problems_problem_search_vector BEFORE INSERT OR UPDATE OF title, description, search_vector ON public.problems_problem FOR EACH ROW EXECUTE FUNCTION public.problems_problem_search_vector();


--
-- Name: requests_servicerequest requests_servicerequest_search_vector; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER requests_servicerequest_search_vector BEFORE INSERT OR UPDATE OF answers, search_vector ON public.requests_servicerequest FOR EACH ROW EXECUTE FUNCTION public.requests_servicerequest_search_vector();


--
-- Name: auth_group_permissions auth_group_permissio_permission_id_84c5c92e_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissio_permission_id_84c5c92e_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_group_permissions auth_group_permissions_group_id_b120cbf9_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_b120cbf9_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_permission auth_permission_content_type_id_2f476e4b_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_2f476e4b_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_group_id_97559544_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_group_id_97559544_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_user_id_6a12ed8b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_6a12ed8b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: authtoken_token authtoken_token_user_id_35299eff_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_user_id_35299eff_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: axes_accessattemptexpiration axes_accessattemptex_access_attempt_id_6b73a47a_fk_axes_acce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptex_access_attempt_id_6b73a47a_fk_axes_acce FOREIGN KEY (access_attempt_id) REFERENCES public.axes_accessattempt(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_agentprofile_skills catalog_agentprofile_agentprofile_id_fc670268_fk_catalog_a; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile_skills
    ADD CONSTRAINT catalog_agentprofile_agentprofile_id_fc670268_fk_catalog_a FOREIGN KEY (agentprofile_id) REFERENCES public.catalog_agentprofile(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_agentprofile catalog_agentprofile_manager_id_99b1539f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile
    ADD CONSTRAINT catalog_agentprofile_manager_id_99b1539f_fk_auth_user_id FOREIGN KEY (manager_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_agentprofile_skills catalog_agentprofile_skill_id_9f19c5af_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile_skills
    ADD CONSTRAINT catalog_agentprofile_skill_id_9f19c5af_fk_catalog_s FOREIGN KEY (skill_id) REFERENCES public.catalog_skill(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_agentprofile catalog_agentprofile_user_id_360c74af_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_agentprofile
    ADD CONSTRAINT catalog_agentprofile_user_id_360c74af_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_cannedreply catalog_cannedreply_team_id_15ba6ab2_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cannedreply
    ADD CONSTRAINT catalog_cannedreply_team_id_15ba6ab2_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_cirelation catalog_cirelation_source_id_22c2f106_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cirelation
    ADD CONSTRAINT catalog_cirelation_source_id_22c2f106_fk_catalog_c FOREIGN KEY (source_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_cirelation catalog_cirelation_target_id_40a22b19_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_cirelation
    ADD CONSTRAINT catalog_cirelation_target_id_40a22b19_fk_catalog_c FOREIGN KEY (target_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_configurationitem catalog_configuratio_owner_team_id_c894cc92_fk_catalog_t; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_configurationitem
    ADD CONSTRAINT catalog_configuratio_owner_team_id_c894cc92_fk_catalog_t FOREIGN KEY (owner_team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_configurationitem catalog_configuratio_service_id_5080a943_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_configurationitem
    ADD CONSTRAINT catalog_configuratio_service_id_5080a943_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_contact catalog_contact_customer_id_58439d9a_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contact
    ADD CONSTRAINT catalog_contact_customer_id_58439d9a_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_contact catalog_contact_user_id_1be7b43f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contact
    ADD CONSTRAINT catalog_contact_user_id_1be7b43f_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_contactphone catalog_contactphone_contact_id_1a930b2d_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_contactphone
    ADD CONSTRAINT catalog_contactphone_contact_id_1a930b2d_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalagentprofile catalog_historicalag_history_user_id_8c572f80_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalagentprofile
    ADD CONSTRAINT catalog_historicalag_history_user_id_8c572f80_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalcannedreply catalog_historicalca_history_user_id_3886fc95_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcannedreply
    ADD CONSTRAINT catalog_historicalca_history_user_id_3886fc95_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalcirelation catalog_historicalci_history_user_id_07d6f58d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcirelation
    ADD CONSTRAINT catalog_historicalci_history_user_id_07d6f58d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalconfigurationitem catalog_historicalco_history_user_id_31a20a89_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalconfigurationitem
    ADD CONSTRAINT catalog_historicalco_history_user_id_31a20a89_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalcontactphone catalog_historicalco_history_user_id_4b7405a5_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcontactphone
    ADD CONSTRAINT catalog_historicalco_history_user_id_4b7405a5_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalcontact catalog_historicalco_history_user_id_ba76b131_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcontact
    ADD CONSTRAINT catalog_historicalco_history_user_id_ba76b131_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalcustomer catalog_historicalcu_history_user_id_d475de13_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalcustomer
    ADD CONSTRAINT catalog_historicalcu_history_user_id_d475de13_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalservice catalog_historicalse_history_user_id_2fe51a9f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalservice
    ADD CONSTRAINT catalog_historicalse_history_user_id_2fe51a9f_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalskill catalog_historicalsk_history_user_id_40575095_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalskill
    ADD CONSTRAINT catalog_historicalsk_history_user_id_40575095_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicalteam catalog_historicalteam_history_user_id_478884f5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicalteam
    ADD CONSTRAINT catalog_historicalteam_history_user_id_478884f5_fk_auth_user_id FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_historicaluser catalog_historicaluser_history_user_id_4304e6ee_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_historicaluser
    ADD CONSTRAINT catalog_historicaluser_history_user_id_4304e6ee_fk_auth_user_id FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_service catalog_service_owner_team_id_2bf0ec63_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_service
    ADD CONSTRAINT catalog_service_owner_team_id_2bf0ec63_fk_catalog_team_id FOREIGN KEY (owner_team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_team catalog_team_manager_id_7457be95_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team
    ADD CONSTRAINT catalog_team_manager_id_7457be95_fk_auth_user_id FOREIGN KEY (manager_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_team_members catalog_team_members_team_id_a03efcaf_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_members
    ADD CONSTRAINT catalog_team_members_team_id_a03efcaf_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_team_members catalog_team_members_user_id_7ac207d3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_members
    ADD CONSTRAINT catalog_team_members_user_id_7ac207d3_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_team_skills catalog_team_skills_skill_id_8ac492e3_fk_catalog_skill_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_skills
    ADD CONSTRAINT catalog_team_skills_skill_id_8ac492e3_fk_catalog_skill_id FOREIGN KEY (skill_id) REFERENCES public.catalog_skill(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: catalog_team_skills catalog_team_skills_team_id_f345a3f1_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_team_skills
    ADD CONSTRAINT catalog_team_skills_team_id_f345a3f1_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_blackoutwindow_services changes_blackoutwind_blackoutwindow_id_df67f724_fk_changes_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_blackoutwindow_services
    ADD CONSTRAINT changes_blackoutwind_blackoutwindow_id_df67f724_fk_changes_b FOREIGN KEY (blackoutwindow_id) REFERENCES public.changes_blackoutwindow(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_blackoutwindow_services changes_blackoutwind_service_id_ebefc34d_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_blackoutwindow_services
    ADD CONSTRAINT changes_blackoutwind_service_id_ebefc34d_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabboard_members changes_cabboard_mem_cabboard_id_ecfad576_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard_members
    ADD CONSTRAINT changes_cabboard_mem_cabboard_id_ecfad576_fk_changes_c FOREIGN KEY (cabboard_id) REFERENCES public.changes_cabboard(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabboard_members changes_cabboard_members_user_id_1b0eac9a_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabboard_members
    ADD CONSTRAINT changes_cabboard_members_user_id_1b0eac9a_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabdecision changes_cabdecision_change_id_d3b3aadd_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabdecision
    ADD CONSTRAINT changes_cabdecision_change_id_d3b3aadd_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabdecision changes_cabdecision_meeting_id_0d13f2c7_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabdecision
    ADD CONSTRAINT changes_cabdecision_meeting_id_0d13f2c7_fk_changes_c FOREIGN KEY (meeting_id) REFERENCES public.changes_cabmeeting(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabmeeting_attendees changes_cabmeeting_a_cabmeeting_id_c160093e_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting_attendees
    ADD CONSTRAINT changes_cabmeeting_a_cabmeeting_id_c160093e_fk_changes_c FOREIGN KEY (cabmeeting_id) REFERENCES public.changes_cabmeeting(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabmeeting_attendees changes_cabmeeting_attendees_user_id_59ceccbf_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting_attendees
    ADD CONSTRAINT changes_cabmeeting_attendees_user_id_59ceccbf_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_cabmeeting changes_cabmeeting_board_id_060a7a50_fk_changes_cabboard_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_cabmeeting
    ADD CONSTRAINT changes_cabmeeting_board_id_060a7a50_fk_changes_cabboard_id FOREIGN KEY (board_id) REFERENCES public.changes_cabboard(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_assignee_id_c44ca292_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_assignee_id_c44ca292_fk_auth_user_id FOREIGN KEY (assignee_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_caused_incidents changes_change_cause_change_id_590c215f_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_caused_incidents
    ADD CONSTRAINT changes_change_cause_change_id_590c215f_fk_changes_c FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_caused_incidents changes_change_cause_incident_id_d0c3e540_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_caused_incidents
    ADD CONSTRAINT changes_change_cause_incident_id_d0c3e540_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_cis changes_change_cis_change_id_b2877b10_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_cis
    ADD CONSTRAINT changes_change_cis_change_id_b2877b10_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_cis changes_change_cis_configurationitem_id_8d8634b0_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_cis
    ADD CONSTRAINT changes_change_cis_configurationitem_id_8d8634b0_fk_catalog_c FOREIGN KEY (configurationitem_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_deployment_authorize_009965b6_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_deployment_authorize_009965b6_fk_auth_user FOREIGN KEY (deployment_authorized_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_incidents changes_change_incid_change_id_7835386a_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_incidents
    ADD CONSTRAINT changes_change_incid_change_id_7835386a_fk_changes_c FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_incidents changes_change_incid_incident_id_1ffbd9f4_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_incidents
    ADD CONSTRAINT changes_change_incid_incident_id_1ffbd9f4_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_model_id_98aad49a_fk_changes_changemodel_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_model_id_98aad49a_fk_changes_changemodel_id FOREIGN KEY (model_id) REFERENCES public.changes_changemodel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_outage_services changes_change_outag_change_id_3c275f87_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_outage_services
    ADD CONSTRAINT changes_change_outag_change_id_3c275f87_fk_changes_c FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_outage_services changes_change_outag_service_id_aa2a45ae_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_outage_services
    ADD CONSTRAINT changes_change_outag_service_id_aa2a45ae_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_problems changes_change_probl_problem_id_b0b3dc5b_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_problems
    ADD CONSTRAINT changes_change_probl_problem_id_b0b3dc5b_fk_problems_ FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_problems changes_change_problems_change_id_656d4f99_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_problems
    ADD CONSTRAINT changes_change_problems_change_id_656d4f99_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_proposal_id_e8f5c1b5_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_proposal_id_e8f5c1b5_fk_changes_c FOREIGN KEY (proposal_id) REFERENCES public.changes_changeproposal(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_release_id_0174da05_fk_changes_release_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_release_id_0174da05_fk_changes_release_id FOREIGN KEY (release_id) REFERENCES public.changes_release(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change changes_change_requested_by_id_6cbdd7b1_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change
    ADD CONSTRAINT changes_change_requested_by_id_6cbdd7b1_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_services changes_change_servi_service_id_2080ff19_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_services
    ADD CONSTRAINT changes_change_servi_service_id_2080ff19_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_change_services changes_change_services_change_id_4bac5db1_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_change_services
    ADD CONSTRAINT changes_change_services_change_id_4bac5db1_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeciupdate changes_changeciupda_ci_id_c620d8cc_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeciupdate
    ADD CONSTRAINT changes_changeciupda_ci_id_c620d8cc_fk_catalog_c FOREIGN KEY (ci_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeciupdate changes_changeciupdate_change_id_872b775c_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeciupdate
    ADD CONSTRAINT changes_changeciupdate_change_id_872b775c_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changemodel_services changes_changemodel__changemodel_id_fe63c4ab_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel_services
    ADD CONSTRAINT changes_changemodel__changemodel_id_fe63c4ab_fk_changes_c FOREIGN KEY (changemodel_id) REFERENCES public.changes_changemodel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changemodel_services changes_changemodel__service_id_411ad252_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changemodel_services
    ADD CONSTRAINT changes_changemodel__service_id_411ad252_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changepolicy_services changes_changepolicy_changepolicy_id_15f01358_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_services
    ADD CONSTRAINT changes_changepolicy_changepolicy_id_15f01358_fk_changes_c FOREIGN KEY (changepolicy_id) REFERENCES public.changes_changepolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changepolicy_cis changes_changepolicy_changepolicy_id_351ad8c6_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_cis
    ADD CONSTRAINT changes_changepolicy_changepolicy_id_351ad8c6_fk_changes_c FOREIGN KEY (changepolicy_id) REFERENCES public.changes_changepolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changepolicy_cis changes_changepolicy_configurationitem_id_24b77552_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_cis
    ADD CONSTRAINT changes_changepolicy_configurationitem_id_24b77552_fk_catalog_c FOREIGN KEY (configurationitem_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changepolicy_services changes_changepolicy_service_id_ecbcfef8_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changepolicy_services
    ADD CONSTRAINT changes_changepolicy_service_id_ecbcfef8_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeproposal_services changes_changepropos_changeproposal_id_afa80114_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal_services
    ADD CONSTRAINT changes_changepropos_changeproposal_id_afa80114_fk_changes_c FOREIGN KEY (changeproposal_id) REFERENCES public.changes_changeproposal(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeproposal_services changes_changepropos_service_id_03999174_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal_services
    ADD CONSTRAINT changes_changepropos_service_id_03999174_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeproposal changes_changeproposal_decided_by_id_349c68b4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal
    ADD CONSTRAINT changes_changeproposal_decided_by_id_349c68b4_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changeproposal changes_changeproposal_requested_by_id_4d94be3d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changeproposal
    ADD CONSTRAINT changes_changeproposal_requested_by_id_4d94be3d_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changetask changes_changetask_change_id_e5acbd08_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changetask
    ADD CONSTRAINT changes_changetask_change_id_e5acbd08_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_changetask changes_changetask_done_by_id_e30e8710_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_changetask
    ADD CONSTRAINT changes_changetask_done_by_id_e30e8710_fk_auth_user_id FOREIGN KEY (done_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_evaluationreport changes_evaluationre_change_id_9c4f23c9_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_evaluationreport
    ADD CONSTRAINT changes_evaluationre_change_id_9c4f23c9_fk_changes_c FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_evaluationreport changes_evaluationreport_author_id_a89289ad_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_evaluationreport
    ADD CONSTRAINT changes_evaluationreport_author_id_a89289ad_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalblackoutwindow changes_historicalbl_history_user_id_61c6b20f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalblackoutwindow
    ADD CONSTRAINT changes_historicalbl_history_user_id_61c6b20f_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalcabboard changes_historicalca_history_user_id_39f57e15_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabboard
    ADD CONSTRAINT changes_historicalca_history_user_id_39f57e15_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalcabmeeting changes_historicalca_history_user_id_78f5bec9_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabmeeting
    ADD CONSTRAINT changes_historicalca_history_user_id_78f5bec9_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalcabdecision changes_historicalca_history_user_id_7da00e64_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcabdecision
    ADD CONSTRAINT changes_historicalca_history_user_id_7da00e64_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalcategorymatrix changes_historicalca_history_user_id_a9e6a12d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalcategorymatrix
    ADD CONSTRAINT changes_historicalca_history_user_id_a9e6a12d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalchange changes_historicalch_history_user_id_2c3e6820_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchange
    ADD CONSTRAINT changes_historicalch_history_user_id_2c3e6820_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalchangepolicy changes_historicalch_history_user_id_2d399216_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangepolicy
    ADD CONSTRAINT changes_historicalch_history_user_id_2d399216_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalchangemodel changes_historicalch_history_user_id_3d064ed8_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangemodel
    ADD CONSTRAINT changes_historicalch_history_user_id_3d064ed8_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalchangeproposal changes_historicalch_history_user_id_655fa1fa_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangeproposal
    ADD CONSTRAINT changes_historicalch_history_user_id_655fa1fa_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalchangeciupdate changes_historicalch_history_user_id_9f90ec2d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalchangeciupdate
    ADD CONSTRAINT changes_historicalch_history_user_id_9f90ec2d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalevaluationreport changes_historicalev_history_user_id_ba10c273_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalevaluationreport
    ADD CONSTRAINT changes_historicalev_history_user_id_ba10c273_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalraciassignment changes_historicalra_history_user_id_e1e4980d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalraciassignment
    ADD CONSTRAINT changes_historicalra_history_user_id_e1e4980d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalrelease changes_historicalre_history_user_id_0ae27603_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalrelease
    ADD CONSTRAINT changes_historicalre_history_user_id_0ae27603_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_historicalvote changes_historicalvote_history_user_id_63731762_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_historicalvote
    ADD CONSTRAINT changes_historicalvote_history_user_id_63731762_fk_auth_user_id FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_raciassignment changes_raciassignme_model_id_b2d242d4_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_raciassignment
    ADD CONSTRAINT changes_raciassignme_model_id_b2d242d4_fk_changes_c FOREIGN KEY (model_id) REFERENCES public.changes_changemodel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_raciassignment changes_raciassignment_user_id_070e57a3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_raciassignment
    ADD CONSTRAINT changes_raciassignment_user_id_070e57a3_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_release changes_release_authorized_by_id_437adcef_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_release
    ADD CONSTRAINT changes_release_authorized_by_id_437adcef_fk_auth_user_id FOREIGN KEY (authorized_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_release changes_release_created_by_id_d706e22e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_release
    ADD CONSTRAINT changes_release_created_by_id_d706e22e_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_release changes_release_owner_id_7a08f456_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_release
    ADD CONSTRAINT changes_release_owner_id_7a08f456_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_vote changes_vote_board_id_c5d41fc9_fk_changes_cabboard_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_vote
    ADD CONSTRAINT changes_vote_board_id_c5d41fc9_fk_changes_cabboard_id FOREIGN KEY (board_id) REFERENCES public.changes_cabboard(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_vote changes_vote_change_id_a31c8d67_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_vote
    ADD CONSTRAINT changes_vote_change_id_a31c8d67_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: changes_vote changes_vote_member_id_073d116f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes_vote
    ADD CONSTRAINT changes_vote_member_id_073d116f_fk_auth_user_id FOREIGN KEY (member_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_agentstate contactcenter_agents_call_id_5a5af5f6_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstate
    ADD CONSTRAINT contactcenter_agents_call_id_5a5af5f6_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_agentstatelog contactcenter_agents_call_id_c954b961_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstatelog
    ADD CONSTRAINT contactcenter_agents_call_id_c954b961_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_agentstate contactcenter_agentstate_user_id_8b0eca5d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstate
    ADD CONSTRAINT contactcenter_agentstate_user_id_8b0eca5d_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_agentstatelog contactcenter_agentstatelog_user_id_e4421cca_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_agentstatelog
    ADD CONSTRAINT contactcenter_agentstatelog_user_id_e4421cca_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_announcement_services contactcenter_announ_announcement_id_1e31b342_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_services
    ADD CONSTRAINT contactcenter_announ_announcement_id_1e31b342_fk_contactce FOREIGN KEY (announcement_id) REFERENCES public.contactcenter_announcement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_announcement_lines contactcenter_announ_announcement_id_d6ec2fe0_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_lines
    ADD CONSTRAINT contactcenter_announ_announcement_id_d6ec2fe0_fk_contactce FOREIGN KEY (announcement_id) REFERENCES public.contactcenter_announcement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_announcement_lines contactcenter_announ_line_id_654530cb_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_lines
    ADD CONSTRAINT contactcenter_announ_line_id_654530cb_fk_contactce FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_announcement contactcenter_announ_major_incident_id_b037e7c1_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement
    ADD CONSTRAINT contactcenter_announ_major_incident_id_b037e7c1_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_announcement_services contactcenter_announ_service_id_683e47f6_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_announcement_services
    ADD CONSTRAINT contactcenter_announ_service_id_683e47f6_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_agent_id_27839810_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_agent_id_27839810_fk_auth_user_id FOREIGN KEY (agent_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_announcement_id_4d9c4c73_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_announcement_id_4d9c4c73_fk_contactce FOREIGN KEY (announcement_id) REFERENCES public.contactcenter_announcement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_callback_task_id_a752305d_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_callback_task_id_a752305d_fk_contactce FOREIGN KEY (callback_task_id) REFERENCES public.contactcenter_callback(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_contact_id_3abed04e_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_contact_id_3abed04e_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_customer_id_11751be9_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_customer_id_11751be9_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_incident_id_5be25032_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_incident_id_5be25032_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_line_id_da7eb3c8_fk_contactcenter_line_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_line_id_da7eb3c8_fk_contactcenter_line_id FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_placed_by_id_40406d40_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_placed_by_id_40406d40_fk_auth_user_id FOREIGN KEY (placed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_queue_id_29ec091d_fk_contactcenter_queue_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_queue_id_29ec091d_fk_contactcenter_queue_id FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_repeat_of_id_9f579b22_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_repeat_of_id_9f579b22_fk_contactce FOREIGN KEY (repeat_of_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_service_id_8d052844_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_service_id_8d052844_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_call contactcenter_call_temporary_agent_id_1ab7aefd_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_call
    ADD CONSTRAINT contactcenter_call_temporary_agent_id_1ab7aefd_fk_contactce FOREIGN KEY (temporary_agent_id) REFERENCES public.contactcenter_temporaryagent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_callback contactcenter_callba_call_id_9ed85b7f_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callback
    ADD CONSTRAINT contactcenter_callba_call_id_9ed85b7f_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_callback contactcenter_callba_contact_id_7c6ebeb8_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callback
    ADD CONSTRAINT contactcenter_callba_contact_id_7c6ebeb8_fk_catalog_c FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_callback contactcenter_callback_agent_id_b860b441_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callback
    ADD CONSTRAINT contactcenter_callback_agent_id_b860b441_fk_auth_user_id FOREIGN KEY (agent_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_callevent contactcenter_callev_call_id_9e7e40f2_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callevent
    ADD CONSTRAINT contactcenter_callev_call_id_9e7e40f2_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_callrecording contactcenter_callre_call_id_36ca69f7_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_callrecording
    ADD CONSTRAINT contactcenter_callre_call_id_36ca69f7_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_calltransfer contactcenter_calltr_call_id_e497366d_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_calltransfer
    ADD CONSTRAINT contactcenter_calltr_call_id_e497366d_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_calltransfer contactcenter_calltr_from_queue_id_80449a0d_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_calltransfer
    ADD CONSTRAINT contactcenter_calltr_from_queue_id_80449a0d_fk_contactce FOREIGN KEY (from_queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_calltransfer contactcenter_calltr_to_queue_id_1b23b41d_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_calltransfer
    ADD CONSTRAINT contactcenter_calltr_to_queue_id_1b23b41d_fk_contactce FOREIGN KEY (to_queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_calltransfer contactcenter_calltransfer_agent_id_6199e537_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_calltransfer
    ADD CONSTRAINT contactcenter_calltransfer_agent_id_6199e537_fk_auth_user_id FOREIGN KEY (agent_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_conference contactcenter_confer_call_id_fe767302_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conference
    ADD CONSTRAINT contactcenter_confer_call_id_fe767302_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_conferenceleg contactcenter_confer_conference_id_7a1c9698_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceleg
    ADD CONSTRAINT contactcenter_confer_conference_id_7a1c9698_fk_contactce FOREIGN KEY (conference_id) REFERENCES public.contactcenter_conference(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_conferenceevent contactcenter_confer_conference_id_c35f3a62_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceevent
    ADD CONSTRAINT contactcenter_confer_conference_id_c35f3a62_fk_contactce FOREIGN KEY (conference_id) REFERENCES public.contactcenter_conference(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_conferenceleg contactcenter_conferenceleg_user_id_95a26dcf_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_conferenceleg
    ADD CONSTRAINT contactcenter_conferenceleg_user_id_95a26dcf_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallist contactcenter_dialli_calendar_id_d54a7e30_fk_sla_busin; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallist
    ADD CONSTRAINT contactcenter_dialli_calendar_id_d54a7e30_fk_sla_busin FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallistentry contactcenter_dialli_callback_id_1925b031_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_dialli_callback_id_1925b031_fk_contactce FOREIGN KEY (callback_id) REFERENCES public.contactcenter_callback(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallistentry contactcenter_dialli_contact_id_5bbfabb7_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_dialli_contact_id_5bbfabb7_fk_catalog_c FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallistentry contactcenter_dialli_dial_list_id_c48c18e8_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_dialli_dial_list_id_c48c18e8_fk_contactce FOREIGN KEY (dial_list_id) REFERENCES public.contactcenter_diallist(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallistentry contactcenter_dialli_last_call_id_5458aec4_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_dialli_last_call_id_5458aec4_fk_contactce FOREIGN KEY (last_call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallist contactcenter_dialli_line_id_44f10446_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallist
    ADD CONSTRAINT contactcenter_dialli_line_id_44f10446_fk_contactce FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallist contactcenter_dialli_queue_id_89e7a0ae_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallist
    ADD CONSTRAINT contactcenter_dialli_queue_id_89e7a0ae_fk_contactce FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_diallistentry contactcenter_dialli_reserved_by_id_2ecaf070_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_diallistentry
    ADD CONSTRAINT contactcenter_dialli_reserved_by_id_2ecaf070_fk_auth_user FOREIGN KEY (reserved_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluation contactcenter_evalua_call_id_743bb2a3_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evalua_call_id_743bb2a3_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluationanswer contactcenter_evalua_evaluation_id_9c181e62_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationanswer
    ADD CONSTRAINT contactcenter_evalua_evaluation_id_9c181e62_fk_contactce FOREIGN KEY (evaluation_id) REFERENCES public.contactcenter_evaluation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluation contactcenter_evalua_form_id_52d42eae_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evalua_form_id_52d42eae_fk_contactce FOREIGN KEY (form_id) REFERENCES public.contactcenter_evaluationform(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluationquestion contactcenter_evalua_form_id_be1f1ad3_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationquestion
    ADD CONSTRAINT contactcenter_evalua_form_id_be1f1ad3_fk_contactce FOREIGN KEY (form_id) REFERENCES public.contactcenter_evaluationform(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluationanswer contactcenter_evalua_question_id_efb4a6e0_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationanswer
    ADD CONSTRAINT contactcenter_evalua_question_id_efb4a6e0_fk_contactce FOREIGN KEY (question_id) REFERENCES public.contactcenter_evaluationquestion(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluationform contactcenter_evalua_queue_id_0f5bec9e_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluationform
    ADD CONSTRAINT contactcenter_evalua_queue_id_0f5bec9e_fk_contactce FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluation contactcenter_evalua_queue_id_7620af28_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evalua_queue_id_7620af28_fk_contactce FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluation contactcenter_evaluation_agent_id_65cd86fc_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evaluation_agent_id_65cd86fc_fk_auth_user_id FOREIGN KEY (agent_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_evaluation contactcenter_evaluation_evaluator_id_835d235a_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_evaluation
    ADD CONSTRAINT contactcenter_evaluation_evaluator_id_835d235a_fk_auth_user_id FOREIGN KEY (evaluator_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalline contactcenter_histor_history_user_id_1d27187f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalline
    ADD CONSTRAINT contactcenter_histor_history_user_id_1d27187f_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalevaluationquestion contactcenter_histor_history_user_id_2e26b98d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationquestion
    ADD CONSTRAINT contactcenter_histor_history_user_id_2e26b98d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalconference contactcenter_histor_history_user_id_3992bd81_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconference
    ADD CONSTRAINT contactcenter_histor_history_user_id_3992bd81_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalpromptrecording contactcenter_histor_history_user_id_39fa5bc5_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalpromptrecording
    ADD CONSTRAINT contactcenter_histor_history_user_id_39fa5bc5_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalteamprovider contactcenter_histor_history_user_id_59d71eb1_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalteamprovider
    ADD CONSTRAINT contactcenter_histor_history_user_id_59d71eb1_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalconferenceleg contactcenter_histor_history_user_id_5a671790_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconferenceleg
    ADD CONSTRAINT contactcenter_histor_history_user_id_5a671790_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalevaluationform contactcenter_histor_history_user_id_5efbdcc0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationform
    ADD CONSTRAINT contactcenter_histor_history_user_id_5efbdcc0_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalcallback contactcenter_histor_history_user_id_602d9995_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalcallback
    ADD CONSTRAINT contactcenter_histor_history_user_id_602d9995_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicaldiallist contactcenter_histor_history_user_id_6631eb30_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaldiallist
    ADD CONSTRAINT contactcenter_histor_history_user_id_6631eb30_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalmenuoption contactcenter_histor_history_user_id_6c1386bf_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalmenuoption
    ADD CONSTRAINT contactcenter_histor_history_user_id_6c1386bf_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalqueue contactcenter_histor_history_user_id_8087c604_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalqueue
    ADD CONSTRAINT contactcenter_histor_history_user_id_8087c604_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalsupervisionaction contactcenter_histor_history_user_id_87f59b16_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalsupervisionaction
    ADD CONSTRAINT contactcenter_histor_history_user_id_87f59b16_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalcallrecording contactcenter_histor_history_user_id_9e3ca2dd_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalcallrecording
    ADD CONSTRAINT contactcenter_histor_history_user_id_9e3ca2dd_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalpromptrecordingsession contactcenter_histor_history_user_id_a6257396_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalpromptrecordingsession
    ADD CONSTRAINT contactcenter_histor_history_user_id_a6257396_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalannouncement contactcenter_histor_history_user_id_a8026cb3_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalannouncement
    ADD CONSTRAINT contactcenter_histor_history_user_id_a8026cb3_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalconferenceevent contactcenter_histor_history_user_id_afa010fe_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalconferenceevent
    ADD CONSTRAINT contactcenter_histor_history_user_id_afa010fe_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicaltemporaryagent contactcenter_histor_history_user_id_b47c4567_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaltemporaryagent
    ADD CONSTRAINT contactcenter_histor_history_user_id_b47c4567_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalprovider contactcenter_histor_history_user_id_ba4e879b_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalprovider
    ADD CONSTRAINT contactcenter_histor_history_user_id_ba4e879b_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalevaluation contactcenter_histor_history_user_id_c0a11d50_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluation
    ADD CONSTRAINT contactcenter_histor_history_user_id_c0a11d50_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicaldiallistentry contactcenter_histor_history_user_id_ed8f6040_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicaldiallistentry
    ADD CONSTRAINT contactcenter_histor_history_user_id_ed8f6040_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_historicalevaluationanswer contactcenter_histor_history_user_id_fe1eeb0a_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_historicalevaluationanswer
    ADD CONSTRAINT contactcenter_histor_history_user_id_fe1eeb0a_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_line contactcenter_line_calendar_id_0b246915_fk_sla_busin; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_line
    ADD CONSTRAINT contactcenter_line_calendar_id_0b246915_fk_sla_busin FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_line contactcenter_line_queue_id_0a9cad19_fk_contactcenter_queue_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_line
    ADD CONSTRAINT contactcenter_line_queue_id_0a9cad19_fk_contactcenter_queue_id FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_line contactcenter_line_service_id_b3c3800a_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_line
    ADD CONSTRAINT contactcenter_line_service_id_b3c3800a_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_menuoption contactcenter_menuop_line_id_0f40e2dd_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_menuoption
    ADD CONSTRAINT contactcenter_menuop_line_id_0f40e2dd_fk_contactce FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_menuoption contactcenter_menuop_queue_id_bc2b45dc_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_menuoption
    ADD CONSTRAINT contactcenter_menuop_queue_id_bc2b45dc_fk_contactce FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_menuoption contactcenter_menuop_service_id_3baba8ab_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_menuoption
    ADD CONSTRAINT contactcenter_menuop_service_id_3baba8ab_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecordingsession contactcenter_prompt_announcement_id_1428a746_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecordingsession
    ADD CONSTRAINT contactcenter_prompt_announcement_id_1428a746_fk_contactce FOREIGN KEY (announcement_id) REFERENCES public.contactcenter_announcement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecording contactcenter_prompt_announcement_id_3916600d_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecording
    ADD CONSTRAINT contactcenter_prompt_announcement_id_3916600d_fk_contactce FOREIGN KEY (announcement_id) REFERENCES public.contactcenter_announcement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecordingsession contactcenter_prompt_line_id_2633626c_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecordingsession
    ADD CONSTRAINT contactcenter_prompt_line_id_2633626c_fk_contactce FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecording contactcenter_prompt_line_id_c15a224c_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecording
    ADD CONSTRAINT contactcenter_prompt_line_id_c15a224c_fk_contactce FOREIGN KEY (line_id) REFERENCES public.contactcenter_line(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecording contactcenter_prompt_recorded_by_id_3820b04e_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecording
    ADD CONSTRAINT contactcenter_prompt_recorded_by_id_3820b04e_fk_auth_user FOREIGN KEY (recorded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecordingsession contactcenter_prompt_recording_id_1fe77ef3_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecordingsession
    ADD CONSTRAINT contactcenter_prompt_recording_id_1fe77ef3_fk_contactce FOREIGN KEY (recording_id) REFERENCES public.contactcenter_promptrecording(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_promptrecordingsession contactcenter_prompt_requested_by_id_d76ec6fe_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_promptrecordingsession
    ADD CONSTRAINT contactcenter_prompt_requested_by_id_d76ec6fe_fk_auth_user FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_queue contactcenter_queue_provider_id_0cb45ac8_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_queue
    ADD CONSTRAINT contactcenter_queue_provider_id_0cb45ac8_fk_contactce FOREIGN KEY (provider_id) REFERENCES public.contactcenter_provider(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_queue contactcenter_queue_skill_id_59d100c4_fk_catalog_skill_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_queue
    ADD CONSTRAINT contactcenter_queue_skill_id_59d100c4_fk_catalog_skill_id FOREIGN KEY (skill_id) REFERENCES public.catalog_skill(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_supervisionaction contactcenter_superv_call_id_28a3c641_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_supervisionaction
    ADD CONSTRAINT contactcenter_superv_call_id_28a3c641_fk_contactce FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_supervisionaction contactcenter_superv_leg_id_da7f6a06_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_supervisionaction
    ADD CONSTRAINT contactcenter_superv_leg_id_da7f6a06_fk_contactce FOREIGN KEY (leg_id) REFERENCES public.contactcenter_conferenceleg(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_supervisionaction contactcenter_superv_supervisor_id_fec97f9d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_supervisionaction
    ADD CONSTRAINT contactcenter_superv_supervisor_id_fec97f9d_fk_auth_user FOREIGN KEY (supervisor_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_teamprovider contactcenter_teampr_provider_id_2bf704a6_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_teamprovider
    ADD CONSTRAINT contactcenter_teampr_provider_id_2bf704a6_fk_contactce FOREIGN KEY (provider_id) REFERENCES public.contactcenter_provider(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_teamprovider contactcenter_teamprovider_team_id_66429f37_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_teamprovider
    ADD CONSTRAINT contactcenter_teamprovider_team_id_66429f37_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_temporaryagent contactcenter_tempor_major_incident_id_51a20f80_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent
    ADD CONSTRAINT contactcenter_tempor_major_incident_id_51a20f80_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_temporaryagent_queues contactcenter_tempor_queue_id_7d84cf25_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent_queues
    ADD CONSTRAINT contactcenter_tempor_queue_id_7d84cf25_fk_contactce FOREIGN KEY (queue_id) REFERENCES public.contactcenter_queue(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_temporaryagent_queues contactcenter_tempor_temporaryagent_id_1882032b_fk_contactce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent_queues
    ADD CONSTRAINT contactcenter_tempor_temporaryagent_id_1882032b_fk_contactce FOREIGN KEY (temporaryagent_id) REFERENCES public.contactcenter_temporaryagent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: contactcenter_temporaryagent contactcenter_temporaryagent_user_id_83a42233_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contactcenter_temporaryagent
    ADD CONSTRAINT contactcenter_temporaryagent_user_id_83a42233_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: core_historicalsavedview core_historicalsaved_history_user_id_14e4aef4_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_historicalsavedview
    ADD CONSTRAINT core_historicalsaved_history_user_id_14e4aef4_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: core_savedview core_savedview_owner_id_33564278_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_savedview
    ADD CONSTRAINT core_savedview_owner_id_33564278_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_call_id_64982958_fk_contactcenter_call_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_call_id_64982958_fk_contactcenter_call_id FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_contact_id_101cc5fb_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_contact_id_101cc5fb_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_created_by_id_69c968a5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_created_by_id_69c968a5_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_customer_id_ae1022f0_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_customer_id_ae1022f0_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint_incidents crm_complaint_incide_complaint_id_acd0f57e_fk_crm_compl; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint_incidents
    ADD CONSTRAINT crm_complaint_incide_complaint_id_acd0f57e_fk_crm_compl FOREIGN KEY (complaint_id) REFERENCES public.crm_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint_incidents crm_complaint_incide_incident_id_15c64314_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint_incidents
    ADD CONSTRAINT crm_complaint_incide_incident_id_15c64314_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_owner_id_e48a0cf0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_owner_id_e48a0cf0_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_requester_id_300797cd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_requester_id_300797cd_fk_auth_user_id FOREIGN KEY (requester_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_service_id_a8d1c979_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_service_id_a8d1c979_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_complaint crm_complaint_team_id_4543a428_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_complaint
    ADD CONSTRAINT crm_complaint_team_id_4543a428_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_historicalcomplaint crm_historicalcompla_history_user_id_c5fcfdba_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_historicalcomplaint
    ADD CONSTRAINT crm_historicalcompla_history_user_id_c5fcfdba_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_historicalopportunity crm_historicalopport_history_user_id_32378272_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_historicalopportunity
    ADD CONSTRAINT crm_historicalopport_history_user_id_32378272_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_opportunity crm_opportunity_call_id_aef92e81_fk_contactcenter_call_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_call_id_aef92e81_fk_contactcenter_call_id FOREIGN KEY (call_id) REFERENCES public.contactcenter_call(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_opportunity crm_opportunity_contact_id_465c4e5e_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_contact_id_465c4e5e_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_opportunity crm_opportunity_created_by_id_7bebf7f6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_created_by_id_7bebf7f6_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_opportunity crm_opportunity_customer_id_8d387d8e_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_customer_id_8d387d8e_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_opportunity crm_opportunity_owner_id_9647aa78_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_opportunity
    ADD CONSTRAINT crm_opportunity_owner_id_9647aa78_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_survey crm_survey_agent_id_b362cbb9_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_agent_id_b362cbb9_fk_auth_user_id FOREIGN KEY (agent_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_survey crm_survey_contact_id_90c46008_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_contact_id_90c46008_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_survey crm_survey_customer_id_4801fd51_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_customer_id_4801fd51_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_survey crm_survey_team_id_6ffdf221_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_survey
    ADD CONSTRAINT crm_survey_team_id_6ffdf221_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_content_type_id_c4bce8eb_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_content_type_id_c4bce8eb_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_user_id_c564eba6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_user_id_c564eba6_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_attachment incidents_attachment_incident_id_928da522_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_attachment
    ADD CONSTRAINT incidents_attachment_incident_id_928da522_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_attachment incidents_attachment_note_id_b61056bd_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_attachment
    ADD CONSTRAINT incidents_attachment_note_id_b61056bd_fk_incidents FOREIGN KEY (note_id) REFERENCES public.incidents_incidentnote(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_attachment incidents_attachment_uploaded_by_id_d917adef_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_attachment
    ADD CONSTRAINT incidents_attachment_uploaded_by_id_d917adef_fk_auth_user_id FOREIGN KEY (uploaded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_demandsignal incidents_demandsign_service_id_44449d0a_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_demandsignal
    ADD CONSTRAINT incidents_demandsign_service_id_44449d0a_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalmajorincident incidents_historical_history_user_id_13e7388d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincident
    ADD CONSTRAINT incidents_historical_history_user_id_13e7388d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalspikealert incidents_historical_history_user_id_27ce38d8_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalspikealert
    ADD CONSTRAINT incidents_historical_history_user_id_27ce38d8_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalattachment incidents_historical_history_user_id_4e4cef69_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalattachment
    ADD CONSTRAINT incidents_historical_history_user_id_4e4cef69_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalincident incidents_historical_history_user_id_716b9f52_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalincident
    ADD CONSTRAINT incidents_historical_history_user_id_716b9f52_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalprioritymatrix incidents_historical_history_user_id_718264e2_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalprioritymatrix
    ADD CONSTRAINT incidents_historical_history_user_id_718264e2_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalspikerule incidents_historical_history_user_id_7baa0bbc_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalspikerule
    ADD CONSTRAINT incidents_historical_history_user_id_7baa0bbc_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalmajorincidentmember incidents_historical_history_user_id_9f3b947d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincidentmember
    ADD CONSTRAINT incidents_historical_history_user_id_9f3b947d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalmajorincidenttask incidents_historical_history_user_id_be9fa965_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalmajorincidenttask
    ADD CONSTRAINT incidents_historical_history_user_id_be9fa965_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalstakeholderupdate incidents_historical_history_user_id_bfebd8fb_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalstakeholderupdate
    ADD CONSTRAINT incidents_historical_history_user_id_bfebd8fb_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalpostmortem incidents_historical_history_user_id_eef56400_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalpostmortem
    ADD CONSTRAINT incidents_historical_history_user_id_eef56400_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_historicalincidentnote incidents_historical_history_user_id_ff80d879_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_historicalincidentnote
    ADD CONSTRAINT incidents_historical_history_user_id_ff80d879_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_assignee_id_34068d21_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_assignee_id_34068d21_fk_auth_user_id FOREIGN KEY (assignee_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_ci_id_b7cd0c38_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_ci_id_b7cd0c38_fk_catalog_c FOREIGN KEY (ci_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_contact_id_389bbfc2_fk_catalog_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_contact_id_389bbfc2_fk_catalog_contact_id FOREIGN KEY (contact_id) REFERENCES public.catalog_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_created_by_id_c29d8b73_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_created_by_id_c29d8b73_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_customer_id_a4353357_fk_catalog_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_customer_id_a4353357_fk_catalog_customer_id FOREIGN KEY (customer_id) REFERENCES public.catalog_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_parent_id_a97d2b5e_fk_incidents_incident_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_parent_id_a97d2b5e_fk_incidents_incident_id FOREIGN KEY (parent_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_requester_id_74a5fc10_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_requester_id_74a5fc10_fk_auth_user_id FOREIGN KEY (requester_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_service_id_a8801d6e_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_service_id_a8801d6e_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incident incidents_incident_team_id_099347d8_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incident
    ADD CONSTRAINT incidents_incident_team_id_099347d8_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incidentnote incidents_incidentno_incident_id_f728af84_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incidentnote
    ADD CONSTRAINT incidents_incidentno_incident_id_f728af84_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_incidentnote incidents_incidentnote_author_id_9a07d12c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_incidentnote
    ADD CONSTRAINT incidents_incidentnote_author_id_9a07d12c_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidentmember incidents_majorincid_added_by_id_20425863_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidentmember
    ADD CONSTRAINT incidents_majorincid_added_by_id_20425863_fk_auth_user FOREIGN KEY (added_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidenttask incidents_majorincid_assignee_id_e0b53f2f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidenttask
    ADD CONSTRAINT incidents_majorincid_assignee_id_e0b53f2f_fk_auth_user FOREIGN KEY (assignee_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidenttask incidents_majorincid_created_by_id_285340ca_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidenttask
    ADD CONSTRAINT incidents_majorincid_created_by_id_285340ca_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincident incidents_majorincid_incident_id_f1987026_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident
    ADD CONSTRAINT incidents_majorincid_incident_id_f1987026_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidentmember incidents_majorincid_major_incident_id_23b4152f_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidentmember
    ADD CONSTRAINT incidents_majorincid_major_incident_id_23b4152f_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidenttask incidents_majorincid_major_incident_id_2f11a15e_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidenttask
    ADD CONSTRAINT incidents_majorincid_major_incident_id_2f11a15e_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincident_services incidents_majorincid_majorincident_id_f1de3868_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident_services
    ADD CONSTRAINT incidents_majorincid_majorincident_id_f1de3868_fk_incidents FOREIGN KEY (majorincident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincident_services incidents_majorincid_service_id_299603b2_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident_services
    ADD CONSTRAINT incidents_majorincid_service_id_299603b2_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincident incidents_majorincident_declared_by_id_07a60527_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident
    ADD CONSTRAINT incidents_majorincident_declared_by_id_07a60527_fk_auth_user_id FOREIGN KEY (declared_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincident incidents_majorincident_manager_id_c48e35ab_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincident
    ADD CONSTRAINT incidents_majorincident_manager_id_c48e35ab_fk_auth_user_id FOREIGN KEY (manager_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_majorincidentmember incidents_majorincidentmember_user_id_89a2e4b3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_majorincidentmember
    ADD CONSTRAINT incidents_majorincidentmember_user_id_89a2e4b3_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_postmortem incidents_postmortem_major_incident_id_cb13e762_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_postmortem
    ADD CONSTRAINT incidents_postmortem_major_incident_id_cb13e762_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_postmortem incidents_postmortem_updated_by_id_0d4e40ec_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_postmortem
    ADD CONSTRAINT incidents_postmortem_updated_by_id_0d4e40ec_fk_auth_user_id FOREIGN KEY (updated_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_decided_by_id_f0cad9f2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_decided_by_id_f0cad9f2_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_flagged_by_id_f0eb8944_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_flagged_by_id_f0eb8944_fk_auth_user_id FOREIGN KEY (flagged_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_incident_id_0c849732_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_incident_id_0c849732_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_major_incident_id_79f05adf_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_major_incident_id_79f05adf_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_rule_id_8c8af028_fk_incidents_spikerule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_rule_id_8c8af028_fk_incidents_spikerule_id FOREIGN KEY (rule_id) REFERENCES public.incidents_spikerule(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikealert incidents_spikealert_service_id_07430c0a_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikealert
    ADD CONSTRAINT incidents_spikealert_service_id_07430c0a_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikerule_notify incidents_spikerule__spikerule_id_17a1376d_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule_notify
    ADD CONSTRAINT incidents_spikerule__spikerule_id_17a1376d_fk_incidents FOREIGN KEY (spikerule_id) REFERENCES public.incidents_spikerule(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikerule_notify incidents_spikerule_notify_user_id_02950806_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule_notify
    ADD CONSTRAINT incidents_spikerule_notify_user_id_02950806_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_spikerule incidents_spikerule_service_id_9197a284_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_spikerule
    ADD CONSTRAINT incidents_spikerule_service_id_9197a284_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_stakeholderupdate incidents_stakeholde_major_incident_id_6624308b_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_stakeholderupdate
    ADD CONSTRAINT incidents_stakeholde_major_incident_id_6624308b_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_stakeholderupdate incidents_stakeholderupdate_author_id_d8ea6be0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_stakeholderupdate
    ADD CONSTRAINT incidents_stakeholderupdate_author_id_d8ea6be0_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_timelineevent incidents_timelineev_major_incident_id_87912233_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_timelineevent
    ADD CONSTRAINT incidents_timelineev_major_incident_id_87912233_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: incidents_timelineevent incidents_timelineevent_actor_id_b9bc45ac_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents_timelineevent
    ADD CONSTRAINT incidents_timelineevent_actor_id_b9bc45ac_fk_auth_user_id FOREIGN KEY (actor_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_author_id_fcf53799_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_author_id_fcf53799_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_draft_of_id_e4c247a9_fk_knowledge_article_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_draft_of_id_e4c247a9_fk_knowledge_article_id FOREIGN KEY (draft_of_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_known_error_id_d4dc788c_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_known_error_id_d4dc788c_fk_problems_ FOREIGN KEY (known_error_id) REFERENCES public.problems_knownerror(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_published_by_id_e8085bf0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_published_by_id_e8085bf0_fk_auth_user_id FOREIGN KEY (published_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_reviewer_id_5883f793_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_reviewer_id_5883f793_fk_auth_user_id FOREIGN KEY (reviewer_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article_services knowledge_article_se_article_id_9cc8b300_fk_knowledge; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article_services
    ADD CONSTRAINT knowledge_article_se_article_id_9cc8b300_fk_knowledge FOREIGN KEY (article_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article_services knowledge_article_se_service_id_9a65b05e_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article_services
    ADD CONSTRAINT knowledge_article_se_service_id_9a65b05e_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_article knowledge_article_translation_of_id_cf8911eb_fk_knowledge; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_article
    ADD CONSTRAINT knowledge_article_translation_of_id_cf8911eb_fk_knowledge FOREIGN KEY (translation_of_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articlefeedback knowledge_articlefee_article_id_358fa8b3_fk_knowledge; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articlefeedback
    ADD CONSTRAINT knowledge_articlefee_article_id_358fa8b3_fk_knowledge FOREIGN KEY (article_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articlefeedback knowledge_articlefeedback_user_id_ef26bc93_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articlefeedback
    ADD CONSTRAINT knowledge_articlefeedback_user_id_ef26bc93_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articleimage knowledge_articleima_article_id_4b581698_fk_knowledge; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleimage
    ADD CONSTRAINT knowledge_articleima_article_id_4b581698_fk_knowledge FOREIGN KEY (article_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articleimage knowledge_articleimage_uploaded_by_id_3e1da7e5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleimage
    ADD CONSTRAINT knowledge_articleimage_uploaded_by_id_3e1da7e5_fk_auth_user_id FOREIGN KEY (uploaded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articleversion knowledge_articlever_article_id_cba279b4_fk_knowledge; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleversion
    ADD CONSTRAINT knowledge_articlever_article_id_cba279b4_fk_knowledge FOREIGN KEY (article_id) REFERENCES public.knowledge_article(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_articleversion knowledge_articlever_published_by_id_95615957_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_articleversion
    ADD CONSTRAINT knowledge_articlever_published_by_id_95615957_fk_auth_user FOREIGN KEY (published_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: knowledge_historicalarticle knowledge_historical_history_user_id_8c268fe5_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.knowledge_historicalarticle
    ADD CONSTRAINT knowledge_historical_history_user_id_8c268fe5_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_historicalmailbox mail_historicalmailbox_history_user_id_90b554ea_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_historicalmailbox
    ADD CONSTRAINT mail_historicalmailbox_history_user_id_90b554ea_fk_auth_user_id FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailbox mail_mailbox_catalog_item_id_b0d75ce4_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailbox
    ADD CONSTRAINT mail_mailbox_catalog_item_id_b0d75ce4_fk_requests_ FOREIGN KEY (catalog_item_id) REFERENCES public.requests_catalogitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailbox mail_mailbox_default_service_id_9d486c13_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailbox
    ADD CONSTRAINT mail_mailbox_default_service_id_9d486c13_fk_catalog_service_id FOREIGN KEY (default_service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailbox mail_mailbox_default_team_id_cecd5fbd_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailbox
    ADD CONSTRAINT mail_mailbox_default_team_id_cecd5fbd_fk_catalog_team_id FOREIGN KEY (default_team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_delivery_id_dfb0af17_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_delivery_id_dfb0af17_fk_notificat FOREIGN KEY (delivery_id) REFERENCES public.notifications_delivery(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_incident_id_7e53d5ed_fk_incidents_incident_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_incident_id_7e53d5ed_fk_incidents_incident_id FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_incident_note_id_4318412b_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_incident_note_id_4318412b_fk_incidents FOREIGN KEY (incident_note_id) REFERENCES public.incidents_incidentnote(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_mailbox_id_b361e1b2_fk_mail_mailbox_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_mailbox_id_b361e1b2_fk_mail_mailbox_id FOREIGN KEY (mailbox_id) REFERENCES public.mail_mailbox(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_request_comment_id_67be2eda_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_request_comment_id_67be2eda_fk_requests_ FOREIGN KEY (request_comment_id) REFERENCES public.requests_requestcomment(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mailmessage mail_mailmessage_request_id_b4c8d670_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_mailmessage
    ADD CONSTRAINT mail_mailmessage_request_id_b4c8d670_fk_requests_ FOREIGN KEY (request_id) REFERENCES public.requests_servicerequest(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_ci_id_c621950b_fk_catalog_configurationitem_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_ci_id_c621950b_fk_catalog_configurationitem_id FOREIGN KEY (ci_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_incident_id_15d5ef39_fk_incidents_incident_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_incident_id_15d5ef39_fk_incidents_incident_id FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_previous_id_7c1a4fdb_fk_monitoring_alert_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_previous_id_7c1a4fdb_fk_monitoring_alert_id FOREIGN KEY (previous_id) REFERENCES public.monitoring_alert(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_service_id_5210d645_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_service_id_5210d645_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_source_id_2fd3f6eb_fk_monitorin; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_source_id_2fd3f6eb_fk_monitorin FOREIGN KEY (source_id) REFERENCES public.monitoring_alertsource(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alert monitoring_alert_suppressed_by_change_0d606601_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alert
    ADD CONSTRAINT monitoring_alert_suppressed_by_change_0d606601_fk_changes_c FOREIGN KEY (suppressed_by_change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alertrule monitoring_alertrule_ci_id_37e6f3a2_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertrule
    ADD CONSTRAINT monitoring_alertrule_ci_id_37e6f3a2_fk_catalog_c FOREIGN KEY (ci_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alertrule monitoring_alertrule_service_id_0c7b1211_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertrule
    ADD CONSTRAINT monitoring_alertrule_service_id_0c7b1211_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alertrule monitoring_alertrule_source_id_91b9b2c7_fk_monitorin; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertrule
    ADD CONSTRAINT monitoring_alertrule_source_id_91b9b2c7_fk_monitorin FOREIGN KEY (source_id) REFERENCES public.monitoring_alertsource(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_alertsource monitoring_alertsour_default_service_id_2bfebfb8_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_alertsource
    ADD CONSTRAINT monitoring_alertsour_default_service_id_2bfebfb8_fk_catalog_s FOREIGN KEY (default_service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_historicalalertrule monitoring_historica_history_user_id_5795d31b_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_historicalalertrule
    ADD CONSTRAINT monitoring_historica_history_user_id_5795d31b_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: monitoring_historicalalertsource monitoring_historica_history_user_id_d4766cef_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.monitoring_historicalalertsource
    ADD CONSTRAINT monitoring_historica_history_user_id_d4766cef_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_delivery notifications_delivery_user_id_70f8752d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_delivery
    ADD CONSTRAINT notifications_delivery_user_id_70f8752d_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_historicalstakeholdergroup notifications_histor_history_user_id_45123064_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_historicalstakeholdergroup
    ADD CONSTRAINT notifications_histor_history_user_id_45123064_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_historicalmessagetemplate notifications_histor_history_user_id_fb934638_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_historicalmessagetemplate
    ADD CONSTRAINT notifications_histor_history_user_id_fb934638_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_notification notifications_notifi_delivery_id_efa1de9c_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_notification
    ADD CONSTRAINT notifications_notifi_delivery_id_efa1de9c_fk_notificat FOREIGN KEY (delivery_id) REFERENCES public.notifications_delivery(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_notification notifications_notification_user_id_b5e8c0ff_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_notification
    ADD CONSTRAINT notifications_notification_user_id_b5e8c0ff_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_stakeholdergroup_services notifications_stakeh_service_id_9f2bc905_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_services
    ADD CONSTRAINT notifications_stakeh_service_id_9f2bc905_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_stakeholdergroup_services notifications_stakeh_stakeholdergroup_id_7f67152a_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_services
    ADD CONSTRAINT notifications_stakeh_stakeholdergroup_id_7f67152a_fk_notificat FOREIGN KEY (stakeholdergroup_id) REFERENCES public.notifications_stakeholdergroup(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_stakeholdergroup_members notifications_stakeh_stakeholdergroup_id_9dafc390_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_members
    ADD CONSTRAINT notifications_stakeh_stakeholdergroup_id_9dafc390_fk_notificat FOREIGN KEY (stakeholdergroup_id) REFERENCES public.notifications_stakeholdergroup(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: notifications_stakeholdergroup_members notifications_stakeh_user_id_72893361_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications_stakeholdergroup_members
    ADD CONSTRAINT notifications_stakeh_user_id_72893361_fk_auth_user FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_historicalknownerror problems_historicalk_history_user_id_2226689e_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalknownerror
    ADD CONSTRAINT problems_historicalk_history_user_id_2226689e_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_historicalproblemcandidate problems_historicalp_history_user_id_b0847f72_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblemcandidate
    ADD CONSTRAINT problems_historicalp_history_user_id_b0847f72_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_historicalproblem problems_historicalp_history_user_id_b3ac3592_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_historicalproblem
    ADD CONSTRAINT problems_historicalp_history_user_id_b3ac3592_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror_cis problems_knownerror__configurationitem_id_a6078b1c_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_cis
    ADD CONSTRAINT problems_knownerror__configurationitem_id_a6078b1c_fk_catalog_c FOREIGN KEY (configurationitem_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror_cis problems_knownerror__knownerror_id_b4daba82_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_cis
    ADD CONSTRAINT problems_knownerror__knownerror_id_b4daba82_fk_problems_ FOREIGN KEY (knownerror_id) REFERENCES public.problems_knownerror(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror_services problems_knownerror__knownerror_id_ff04f4f1_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_services
    ADD CONSTRAINT problems_knownerror__knownerror_id_ff04f4f1_fk_problems_ FOREIGN KEY (knownerror_id) REFERENCES public.problems_knownerror(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror_services problems_knownerror__service_id_f5a7a96c_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror_services
    ADD CONSTRAINT problems_knownerror__service_id_f5a7a96c_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror problems_knownerror_created_by_id_bdd7ab8b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror
    ADD CONSTRAINT problems_knownerror_created_by_id_bdd7ab8b_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_knownerror problems_knownerror_problem_id_bbe075d8_fk_problems_problem_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_knownerror
    ADD CONSTRAINT problems_knownerror_problem_id_bbe075d8_fk_problems_problem_id FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_cis problems_problem_cis_configurationitem_id_9f857ec5_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_cis
    ADD CONSTRAINT problems_problem_cis_configurationitem_id_9f857ec5_fk_catalog_c FOREIGN KEY (configurationitem_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_cis problems_problem_cis_problem_id_72cb02e0_fk_problems_problem_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_cis
    ADD CONSTRAINT problems_problem_cis_problem_id_72cb02e0_fk_problems_problem_id FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem problems_problem_created_by_id_368c6a80_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_created_by_id_368c6a80_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_incidents problems_problem_inc_incident_id_e2f86e0f_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_incidents
    ADD CONSTRAINT problems_problem_inc_incident_id_e2f86e0f_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_incidents problems_problem_inc_problem_id_2d33fac5_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_incidents
    ADD CONSTRAINT problems_problem_inc_problem_id_2d33fac5_fk_problems_ FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem problems_problem_major_incident_id_3d826cc3_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_major_incident_id_3d826cc3_fk_incidents FOREIGN KEY (major_incident_id) REFERENCES public.incidents_majorincident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem problems_problem_owner_id_bbbc9a2e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_owner_id_bbbc9a2e_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_services problems_problem_ser_problem_id_a0704ca7_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_services
    ADD CONSTRAINT problems_problem_ser_problem_id_a0704ca7_fk_problems_ FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem_services problems_problem_ser_service_id_9d8a376f_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem_services
    ADD CONSTRAINT problems_problem_ser_service_id_9d8a376f_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problem problems_problem_team_id_017d8f89_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problem
    ADD CONSTRAINT problems_problem_team_id_017d8f89_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate problems_problemcand_ci_id_854ee443_fk_catalog_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate
    ADD CONSTRAINT problems_problemcand_ci_id_854ee443_fk_catalog_c FOREIGN KEY (ci_id) REFERENCES public.catalog_configurationitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate problems_problemcand_decided_by_id_a729b4cf_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate
    ADD CONSTRAINT problems_problemcand_decided_by_id_a729b4cf_fk_auth_user FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate_incidents problems_problemcand_incident_id_34145a25_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate_incidents
    ADD CONSTRAINT problems_problemcand_incident_id_34145a25_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate problems_problemcand_problem_id_df5298ee_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate
    ADD CONSTRAINT problems_problemcand_problem_id_df5298ee_fk_problems_ FOREIGN KEY (problem_id) REFERENCES public.problems_problem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate_incidents problems_problemcand_problemcandidate_id_136fb0ea_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate_incidents
    ADD CONSTRAINT problems_problemcand_problemcandidate_id_136fb0ea_fk_problems_ FOREIGN KEY (problemcandidate_id) REFERENCES public.problems_problemcandidate(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_problemcandidate problems_problemcand_service_id_9f9911f9_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_problemcandidate
    ADD CONSTRAINT problems_problemcand_service_id_9f9911f9_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_workaroundapplication problems_workarounda_applied_by_id_a95c2031_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_workaroundapplication
    ADD CONSTRAINT problems_workarounda_applied_by_id_a95c2031_fk_auth_user FOREIGN KEY (applied_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_workaroundapplication problems_workarounda_incident_id_0d46d182_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_workaroundapplication
    ADD CONSTRAINT problems_workarounda_incident_id_0d46d182_fk_incidents FOREIGN KEY (incident_id) REFERENCES public.incidents_incident(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: problems_workaroundapplication problems_workarounda_known_error_id_eb2c2a04_fk_problems_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.problems_workaroundapplication
    ADD CONSTRAINT problems_workarounda_known_error_id_eb2c2a04_fk_problems_ FOREIGN KEY (known_error_id) REFERENCES public.problems_knownerror(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_approval requests_approval_approver_id_878178c4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_approval
    ADD CONSTRAINT requests_approval_approver_id_878178c4_fk_auth_user_id FOREIGN KEY (approver_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_approval requests_approval_request_id_4db25822_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_approval
    ADD CONSTRAINT requests_approval_request_id_4db25822_fk_requests_ FOREIGN KEY (request_id) REFERENCES public.requests_servicerequest(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_catalogitem_teams requests_catalogitem_catalogitem_id_df380bef_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem_teams
    ADD CONSTRAINT requests_catalogitem_catalogitem_id_df380bef_fk_requests_ FOREIGN KEY (catalogitem_id) REFERENCES public.requests_catalogitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_catalogitem requests_catalogitem_change_model_id_dd0f6a43_fk_changes_c; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem
    ADD CONSTRAINT requests_catalogitem_change_model_id_dd0f6a43_fk_changes_c FOREIGN KEY (change_model_id) REFERENCES public.changes_changemodel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_catalogitem requests_catalogitem_sla_policy_id_a8eeb6eb_fk_sla_slapolicy_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem
    ADD CONSTRAINT requests_catalogitem_sla_policy_id_a8eeb6eb_fk_sla_slapolicy_id FOREIGN KEY (sla_policy_id) REFERENCES public.sla_slapolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_catalogitem_teams requests_catalogitem_teams_team_id_00054520_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_catalogitem_teams
    ADD CONSTRAINT requests_catalogitem_teams_team_id_00054520_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_fulfilmenttask requests_fulfilmentt_request_id_4a8817bc_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_fulfilmenttask
    ADD CONSTRAINT requests_fulfilmentt_request_id_4a8817bc_fk_requests_ FOREIGN KEY (request_id) REFERENCES public.requests_servicerequest(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_fulfilmenttask requests_fulfilmenttask_assignee_id_ee0a01f0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_fulfilmenttask
    ADD CONSTRAINT requests_fulfilmenttask_assignee_id_ee0a01f0_fk_auth_user_id FOREIGN KEY (assignee_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_fulfilmenttask requests_fulfilmenttask_team_id_dbb5ae4f_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_fulfilmenttask
    ADD CONSTRAINT requests_fulfilmenttask_team_id_dbb5ae4f_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_historicalapproval requests_historicala_history_user_id_c52ff64e_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalapproval
    ADD CONSTRAINT requests_historicala_history_user_id_c52ff64e_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_historicalcatalogitem requests_historicalc_history_user_id_fb36cb77_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalcatalogitem
    ADD CONSTRAINT requests_historicalc_history_user_id_fb36cb77_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_historicalfulfilmenttask requests_historicalf_history_user_id_b1d7308d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalfulfilmenttask
    ADD CONSTRAINT requests_historicalf_history_user_id_b1d7308d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_historicalservicerequest requests_historicals_history_user_id_8a15dc4d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_historicalservicerequest
    ADD CONSTRAINT requests_historicals_history_user_id_8a15dc4d_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_requestcomment requests_requestcomm_request_id_9b0492f7_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_requestcomment
    ADD CONSTRAINT requests_requestcomm_request_id_9b0492f7_fk_requests_ FOREIGN KEY (request_id) REFERENCES public.requests_servicerequest(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_requestcomment requests_requestcomment_author_id_8b24db3a_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_requestcomment
    ADD CONSTRAINT requests_requestcomment_author_id_8b24db3a_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_servicerequest requests_servicerequ_catalog_item_id_07a0758b_fk_requests_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequ_catalog_item_id_07a0758b_fk_requests_ FOREIGN KEY (catalog_item_id) REFERENCES public.requests_catalogitem(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_servicerequest requests_servicerequ_requested_by_id_d5fe046a_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequ_requested_by_id_d5fe046a_fk_auth_user FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_servicerequest requests_servicerequ_requested_for_id_7d60d4b0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequ_requested_for_id_7d60d4b0_fk_auth_user FOREIGN KEY (requested_for_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: requests_servicerequest requests_servicerequest_change_id_a42b56e8_fk_changes_change_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.requests_servicerequest
    ADD CONSTRAINT requests_servicerequest_change_id_a42b56e8_fk_changes_change_id FOREIGN KEY (change_id) REFERENCES public.changes_change(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_escalationrule sla_escalationrule_group_id_231d4350_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_escalationrule
    ADD CONSTRAINT sla_escalationrule_group_id_231d4350_fk_notificat FOREIGN KEY (group_id) REFERENCES public.notifications_stakeholdergroup(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_escalationrule sla_escalationrule_policy_id_570b72b2_fk_sla_slapolicy_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_escalationrule
    ADD CONSTRAINT sla_escalationrule_policy_id_570b72b2_fk_sla_slapolicy_id FOREIGN KEY (policy_id) REFERENCES public.sla_slapolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalbusinesscalendar sla_historicalbusine_history_user_id_4b38747c_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalbusinesscalendar
    ADD CONSTRAINT sla_historicalbusine_history_user_id_4b38747c_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalescalationrule sla_historicalescala_history_user_id_c5c000f0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalescalationrule
    ADD CONSTRAINT sla_historicalescala_history_user_id_c5c000f0_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalholiday sla_historicalholiday_history_user_id_40a7ceed_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalholiday
    ADD CONSTRAINT sla_historicalholiday_history_user_id_40a7ceed_fk_auth_user_id FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalserviceoutage sla_historicalservic_history_user_id_d50c9e22_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalserviceoutage
    ADD CONSTRAINT sla_historicalservic_history_user_id_d50c9e22_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalslapolicy sla_historicalslapol_history_user_id_de6f71f6_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalslapolicy
    ADD CONSTRAINT sla_historicalslapol_history_user_id_de6f71f6_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_historicalworkinghours sla_historicalworkin_history_user_id_11841542_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_historicalworkinghours
    ADD CONSTRAINT sla_historicalworkin_history_user_id_11841542_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_holiday sla_holiday_calendar_id_0ed75c65_fk_sla_businesscalendar_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_holiday
    ADD CONSTRAINT sla_holiday_calendar_id_0ed75c65_fk_sla_businesscalendar_id FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_serviceoutage sla_serviceoutage_service_id_82d2d82d_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_serviceoutage
    ADD CONSTRAINT sla_serviceoutage_service_id_82d2d82d_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slaescalation sla_slaescalation_group_id_587eb6bd_fk_notificat; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaescalation
    ADD CONSTRAINT sla_slaescalation_group_id_587eb6bd_fk_notificat FOREIGN KEY (group_id) REFERENCES public.notifications_stakeholdergroup(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slaescalation sla_slaescalation_rule_id_6d187b17_fk_sla_escalationrule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaescalation
    ADD CONSTRAINT sla_slaescalation_rule_id_6d187b17_fk_sla_escalationrule_id FOREIGN KEY (rule_id) REFERENCES public.sla_escalationrule(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slaescalation sla_slaescalation_timer_id_15a7e990_fk_sla_slatimer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaescalation
    ADD CONSTRAINT sla_slaescalation_timer_id_15a7e990_fk_sla_slatimer_id FOREIGN KEY (timer_id) REFERENCES public.sla_slatimer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slaevent sla_slaevent_actor_id_78d1c4a0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaevent
    ADD CONSTRAINT sla_slaevent_actor_id_78d1c4a0_fk_auth_user_id FOREIGN KEY (actor_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slaevent sla_slaevent_timer_id_c17240eb_fk_sla_slatimer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slaevent
    ADD CONSTRAINT sla_slaevent_timer_id_c17240eb_fk_sla_slatimer_id FOREIGN KEY (timer_id) REFERENCES public.sla_slatimer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slapolicy sla_slapolicy_calendar_id_ee5d4bef_fk_sla_businesscalendar_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slapolicy
    ADD CONSTRAINT sla_slapolicy_calendar_id_ee5d4bef_fk_sla_businesscalendar_id FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slapolicy sla_slapolicy_service_id_140d990c_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slapolicy
    ADD CONSTRAINT sla_slapolicy_service_id_140d990c_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slatimer sla_slatimer_calendar_id_b99156b6_fk_sla_businesscalendar_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_calendar_id_b99156b6_fk_sla_businesscalendar_id FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slatimer sla_slatimer_content_type_id_59aa66b7_fk_django_content_type_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_content_type_id_59aa66b7_fk_django_content_type_id FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slatimer sla_slatimer_policy_id_3bdc2561_fk_sla_slapolicy_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_policy_id_3bdc2561_fk_sla_slapolicy_id FOREIGN KEY (policy_id) REFERENCES public.sla_slapolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slatimer sla_slatimer_service_id_96ac405e_fk_catalog_service_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_service_id_96ac405e_fk_catalog_service_id FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_slatimer sla_slatimer_team_id_74d297a3_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_slatimer
    ADD CONSTRAINT sla_slatimer_team_id_74d297a3_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_ticketapp_demoticket sla_ticketapp_demoti_service_id_975794c8_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_ticketapp_demoticket
    ADD CONSTRAINT sla_ticketapp_demoti_service_id_975794c8_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_ticketapp_demoticket sla_ticketapp_demoticket_assignee_id_2d830aec_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_ticketapp_demoticket
    ADD CONSTRAINT sla_ticketapp_demoticket_assignee_id_2d830aec_fk_auth_user_id FOREIGN KEY (assignee_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_ticketapp_demoticket sla_ticketapp_demoticket_team_id_1c20082d_fk_catalog_team_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_ticketapp_demoticket
    ADD CONSTRAINT sla_ticketapp_demoticket_team_id_1c20082d_fk_catalog_team_id FOREIGN KEY (team_id) REFERENCES public.catalog_team(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sla_workinghours sla_workinghours_calendar_id_3f17e534_fk_sla_busin; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_workinghours
    ADD CONSTRAINT sla_workinghours_calendar_id_3f17e534_fk_sla_busin FOREIGN KEY (calendar_id) REFERENCES public.sla_businesscalendar(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_historicalscheduledmaintenance statuspage_historica_history_user_id_84ae2f8c_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_historicalscheduledmaintenance
    ADD CONSTRAINT statuspage_historica_history_user_id_84ae2f8c_fk_auth_user FOREIGN KEY (history_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_maintenancenotice statuspage_maintenan_maintenance_id_c4e1d9da_fk_statuspag; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_maintenancenotice
    ADD CONSTRAINT statuspage_maintenan_maintenance_id_c4e1d9da_fk_statuspag FOREIGN KEY (maintenance_id) REFERENCES public.statuspage_scheduledmaintenance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_maintenancenotice statuspage_maintenan_subscriber_id_3a2d6886_fk_statuspag; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_maintenancenotice
    ADD CONSTRAINT statuspage_maintenan_subscriber_id_3a2d6886_fk_statuspag FOREIGN KEY (subscriber_id) REFERENCES public.statuspage_subscriber(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_scheduledmaintenance_services statuspage_scheduled_scheduledmaintenance_1a3b8db2_fk_statuspag; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_scheduledmaintenance_services
    ADD CONSTRAINT statuspage_scheduled_scheduledmaintenance_1a3b8db2_fk_statuspag FOREIGN KEY (scheduledmaintenance_id) REFERENCES public.statuspage_scheduledmaintenance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_scheduledmaintenance_services statuspage_scheduled_service_id_1a3b5386_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_scheduledmaintenance_services
    ADD CONSTRAINT statuspage_scheduled_service_id_1a3b5386_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_subscriber_services statuspage_subscribe_service_id_19593b81_fk_catalog_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber_services
    ADD CONSTRAINT statuspage_subscribe_service_id_19593b81_fk_catalog_s FOREIGN KEY (service_id) REFERENCES public.catalog_service(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_subscribernotice statuspage_subscribe_subscriber_id_9e28ec9e_fk_statuspag; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscribernotice
    ADD CONSTRAINT statuspage_subscribe_subscriber_id_9e28ec9e_fk_statuspag FOREIGN KEY (subscriber_id) REFERENCES public.statuspage_subscriber(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_subscriber_services statuspage_subscribe_subscriber_id_d5db58ec_fk_statuspag; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscriber_services
    ADD CONSTRAINT statuspage_subscribe_subscriber_id_d5db58ec_fk_statuspag FOREIGN KEY (subscriber_id) REFERENCES public.statuspage_subscriber(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: statuspage_subscribernotice statuspage_subscribe_update_id_5b861c1c_fk_incidents; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.statuspage_subscribernotice
    ADD CONSTRAINT statuspage_subscribe_update_id_5b861c1c_fk_incidents FOREIGN KEY (update_id) REFERENCES public.incidents_stakeholderupdate(id) DEFERRABLE INITIALLY DEFERRED;


--
-- PostgreSQL database dump complete
--



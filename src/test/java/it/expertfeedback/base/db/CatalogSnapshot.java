package it.expertfeedback.base.db;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public schema's catalog (tables, columns, constraints, indexes, triggers, functions, types, views) and a
 * digest of every table's rows, as comparable text: equal snapshots mean nothing was changed.
 */
final class CatalogSnapshot {

    private CatalogSnapshot() {
    }

    static List<String> of(JdbcTemplate jdbc) {
        List<String> facts = new ArrayList<>();
        facts.addAll(jdbc.queryForList("""
                select 'relation ' || c.relname || ' ' || c.relkind::text from pg_class c
                where c.relnamespace = 'public'::regnamespace order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                       || ' ' || coalesce(column_default, '-') || ' #' || ordinal_position
                from information_schema.columns where table_schema = 'public' order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'index ' || indexdef from pg_indexes where schemaname = 'public' order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger where not tgisinternal
                order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'function ' || md5(pg_get_functiondef(p.oid)) || ' ' || proname from pg_proc p
                where pronamespace = 'public'::regnamespace and prokind = 'f' order by 1""", String.class));
        facts.addAll(jdbc.queryForList("""
                select 'type ' || t.typname || ' ' || coalesce(string_agg(e.enumlabel, ',' order by e.enumsortorder), '')
                from pg_type t left join pg_enum e on e.enumtypid = t.oid
                where t.typnamespace = 'public'::regnamespace group by t.typname order by 1""", String.class));
        for (String table : jdbc.queryForList("""
                select quote_ident(table_name) from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by 1""", String.class)) {
            facts.add("rows " + table + " " + jdbc.queryForObject(
                    "select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from "
                            + table + " t", String.class));
        }
        return facts;
    }
}

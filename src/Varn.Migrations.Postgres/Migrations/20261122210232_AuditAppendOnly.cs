using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Postgres.Migrations
{
    /// <summary>The audit log is append-only in the database too; the hash chain catches whoever gets past this.</summary>
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only';
                END
                $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_append_only" ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION audit_append_only();");
        }
    }
}

CREATE TABLE "presse_attachments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"pages" integer NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presse_attachments_title_ck" CHECK (length(btrim("presse_attachments"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "presse_image_variants" (
	"tenant_id" uuid NOT NULL,
	"image_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"format" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "presse_image_variants_image_id_width_format_pk" PRIMARY KEY("image_id","width","format")
);
--> statement-breakpoint
CREATE TABLE "presse_images" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"alt" text NOT NULL,
	"credit" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presse_images_alt_ck" CHECK (length(btrim("presse_images"."alt")) > 0 AND length(btrim("presse_images"."credit")) > 0)
);
--> statement-breakpoint
ALTER TABLE "presse_attachments" ADD CONSTRAINT "presse_attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_attachments" ADD CONSTRAINT "presse_attachments_release_id_presse_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."presse_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_image_variants" ADD CONSTRAINT "presse_image_variants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_image_variants" ADD CONSTRAINT "presse_image_variants_image_id_presse_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."presse_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_images" ADD CONSTRAINT "presse_images_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_images" ADD CONSTRAINT "presse_images_release_id_presse_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."presse_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presse_attachments_release_idx" ON "presse_attachments" USING btree ("tenant_id","release_id","position");--> statement-breakpoint
CREATE INDEX "presse_images_release_idx" ON "presse_images" USING btree ("tenant_id","release_id","position");
# Deliveries became a partitioned table (notifications 0005): PostgreSQL cannot enforce a
# foreign key to it, and that migration dropped the constraint; this records it in the state.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("mail", "0002_inbound_from_index"), ("notifications", "0005_partitions")]
    operations = [
        migrations.AlterField(
            model_name="mailmessage", name="delivery",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.SET_NULL, related_name="mail_messages",
                                    to="notifications.delivery", verbose_name="delivery"),
        ),
    ]

/**
 * The MongoDB driver: the MONGO_* env block, the connection factory, and the compiler from neutral
 * queries and schema changes to MongoDB filters, updates and indexes. Exports nothing.
 */
module dev.eloquent.driver.mongo {
    requires dev.eloquent.api;
    requires org.mongodb.driver.sync.client;
    requires org.mongodb.driver.core;
    requires org.mongodb.bson;

    provides dev.eloquent.api.Driver with dev.eloquent.driver.mongo.MongoDriver;
}
